-- Appends one conversation event to a customer's context, once.
-- KEYS[1] seen-ids set, KEYS[2] journey list, KEYS[3] routing-features hash (one customer: one hash tag)
-- ARGV[1] event id, ARGV[2] event JSON, ARGV[3] ttl seconds, ARGV[4..] feature field/value pairs
-- Returns 1 when appended, 0 when the event was already there (a redelivery).
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('RPUSH', KEYS[2], ARGV[2])
if #ARGV > 3 then
  redis.call('HSET', KEYS[3], unpack(ARGV, 4))
end
local ttl = tonumber(ARGV[3])
for i = 1, 3 do
  redis.call('EXPIRE', KEYS[i], ttl)
end
return 1
