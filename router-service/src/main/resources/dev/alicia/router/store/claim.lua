-- Takes a waiting contact out of its queue for one router: only the caller that removes it gets 1, so two
-- instances never route the same waiting contact. It is in flight until offered or queued again; if its router
-- dies first, the sweeper puts it back after the deadline.
-- KEYS as in enqueue.lua (1-5); ARGV[1] contact id, ARGV[2] in-flight deadline (epoch ms).
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
if removed == 1 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[4], ARGV[1])
  redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
end
return removed
