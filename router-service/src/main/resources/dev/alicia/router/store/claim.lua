-- Takes a waiting contact out of its queue for one router: only the caller that removes it gets 1, so two
-- instances never route the same waiting contact. It is in flight until offered or queued again; if its router
-- dies first, the sweeper puts it back after the deadline.
-- KEYS as in enqueue.lua (1-6); ARGV[1] contact id, ARGV[2] in-flight deadline (epoch ms), ARGV[3] queue name.
-- The last contact taken out of a queue takes the queue off the tenant's waiting queues.
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
if removed == 1 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[4], ARGV[1])
  redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
  if redis.call('ZCARD', KEYS[1]) == 0 then
    redis.call('SREM', KEYS[6], ARGV[3])
  end
end
return removed
