-- Gives a periodic task of a tenant to one router instance per period: the first caller at or after the due time
-- takes it and sets the next due time; every other caller until then is told when it is due again. Times come
-- from the caller's clock.
-- KEYS[1] the tenant's turns (hash: task -> next due, epoch ms)
-- ARGV[1] task  ARGV[2] now (epoch ms)  ARGV[3] period (ms)
-- Returns {1, next due} when the caller takes the turn, {0, next due} when it does not.
local due = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local now = tonumber(ARGV[2])
if due > now then
  return {0, due}
end
due = now + tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', due))
return {1, due}
