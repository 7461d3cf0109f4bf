-- Closes a contact's open offer for one caller (accept, reject, timeout, abandon): only the caller that removes it
-- gets 1. The contact is then in flight until the caller saves where it went; should the caller stop half-way (its
-- router killed, Redis gone under it), the sweeper finds it there after the deadline and finishes the closing.
-- KEYS[1] open offers (zset deadline)  KEYS[2] in flight (zset deadline)
-- ARGV[1] contact id  ARGV[2] in-flight deadline (epoch ms)
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
if removed == 1 then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
end
return removed
