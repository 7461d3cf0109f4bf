-- Puts a contact in its queue: ordered by rank (priority with aging), indexed by when it started waiting, due for
-- widening at a time, no longer in flight; the queue is listed among the tenant's non-empty queues. With a state
-- to register (a new contact), it first records the contact, and does nothing if the contact is known already:
-- admission and queueing are one step, so a router dying in between cannot lose the contact.
-- All keys share the tenant's tag.
-- KEYS[1] queue (zset rank)  KEYS[2] waiting-since (zset epoch ms)  KEYS[3] tenant's queues (set)
-- KEYS[4] widening due (zset epoch ms)  KEYS[5] in flight (zset deadline)
-- KEYS[6] the tenant's queues with a contact waiting now (set)  KEYS[7] contact state (string)
-- ARGV[1] contact id  ARGV[2] rank  ARGV[3] waiting since  ARGV[4] queue name  ARGV[5] widening due, or -1
-- ARGV[6] state JSON to register, or ''  ARGV[7] its time to live in seconds
-- KEYS[8..] and ARGV[8..] what goes with the change (side-writes.lua: an arrival's counters), not written for a
-- contact known already
-- Returns the contact's 0-based position, or -1 when the contact was known already.
if ARGV[6] ~= '' then
  if not redis.call('SET', KEYS[7], ARGV[6], 'NX', 'EX', ARGV[7]) then
    return -1
  end
end
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
side_writes(8, 8)
return redis.call('ZRANK', KEYS[1], ARGV[1])
