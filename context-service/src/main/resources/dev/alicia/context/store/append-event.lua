-- Appends one conversation event to a customer's context, once.
-- KEYS[1] seen-ids set, KEYS[2] journey list, KEYS[3] routing-features hash, KEYS[4] contacts set
--         (one customer: one hash tag)
-- ARGV[1] event id, ARGV[2] event JSON, ARGV[3] ttl seconds, ARGV[4] contact id ('' when none),
-- ARGV[5..] feature field/value pairs
-- Returns 0 when the event was already there (a redelivery), 1 when appended, 2 when appended and its contact
-- is new to this customer (the caller then indexes the contact).
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('RPUSH', KEYS[2], ARGV[2])
if #ARGV > 4 then
  redis.call('HSET', KEYS[3], unpack(ARGV, 5))
end
local result = 1
if ARGV[4] ~= '' and redis.call('SADD', KEYS[4], ARGV[4]) == 1 then
  result = 2
end
local ttl = tonumber(ARGV[3])
for i = 1, 4 do
  redis.call('EXPIRE', KEYS[i], ttl)
end
return result
