-- Puts a contact in its queue: ordered by rank (priority with aging), indexed by when it started waiting, due for
-- widening at a time, no longer in flight; the queue is listed among the tenant's non-empty queues.
-- All keys share the tenant's tag.
-- KEYS[1] queue (zset rank)  KEYS[2] waiting-since (zset epoch ms)  KEYS[3] tenant's queues (set)
-- KEYS[4] widening due (zset epoch ms)  KEYS[5] in flight (zset deadline)
-- KEYS[6] the tenant's queues with a contact waiting now (set)
-- ARGV[1] contact id  ARGV[2] rank  ARGV[3] waiting since  ARGV[4] queue name  ARGV[5] widening due, or -1
-- Returns the contact's 0-based position.
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[4])
redis.call('SADD', KEYS[6], ARGV[4])
redis.call('ZREM', KEYS[5], ARGV[1])
if tonumber(ARGV[5]) >= 0 then
  redis.call('ZADD', KEYS[4], ARGV[5], ARGV[1])
else
  redis.call('ZREM', KEYS[4], ARGV[1])
end
return redis.call('ZRANK', KEYS[1], ARGV[1])
