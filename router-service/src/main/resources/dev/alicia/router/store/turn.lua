-- Gives a periodic task of a tenant to one router instance per period: the first caller at or after the due time
-- gets 1 and sets the next due time; every other caller until then gets 0. Times come from the caller's clock.
-- KEYS[1] the tenant's turns (hash: task -> next due, epoch ms)
-- ARGV[1] task  ARGV[2] now (epoch ms)  ARGV[3] period (ms)
local due = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local now = tonumber(ARGV[2])
if due > now then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', now + tonumber(ARGV[3])))
return 1
