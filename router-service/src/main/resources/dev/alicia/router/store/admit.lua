-- Records a new contact, taken at once by the router that admits it: in flight, as a claimed contact is, so that
-- it is offered without first being queued and claimed back (two round trips); should that router die before
-- offering or queueing it, the sweeper queues it after the deadline. Does nothing if the contact is known
-- already (a redelivery). The queue is listed among the tenant's queues (statistics, wallboard).
-- All keys share the tenant's tag.
-- KEYS[1] contact state (string)  KEYS[2] in flight (zset deadline)  KEYS[3] tenant's queues (set)
-- ARGV[1] state JSON  ARGV[2] its time to live in seconds  ARGV[3] contact id  ARGV[4] in-flight deadline
-- (epoch ms)  ARGV[5] queue name
-- KEYS[4..] and ARGV[6..] what goes with the arrival (side-writes.lua: the queue's counters)
-- Returns 1, or -1 when the contact was known already.
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then
  return -1
end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[5])
side_writes(4, 6)
return 1
