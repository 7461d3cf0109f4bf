-- Opens the offer of a contact that was in flight: its state saved (offered to the agent), due for the sweeper
-- at the offer's deadline, no longer in flight; with no deadline (an assignment, or a contact settled elsewhere),
-- the state is saved and no offer opens. An assignment stays in flight until it is announced (ARGV[5]): should its
-- router stop before, the sweeper announces it. One round trip, all keys under the tenant's tag.
-- KEYS[1] contact state (string)  KEYS[2] open offers (zset deadline)  KEYS[3] in flight (zset deadline)
-- ARGV[1] state JSON  ARGV[2] its time to live in seconds  ARGV[3] contact id  ARGV[4] offer deadline (epoch ms)
-- or ''  ARGV[5] in-flight deadline (epoch ms) to stay in flight, or ''
-- KEYS[4..] and ARGV[6..] what goes with the change (side-writes.lua: counters, the agent's distressed run)
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
if ARGV[4] ~= '' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
end
if ARGV[5] ~= '' then
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3])
else
  redis.call('ZREM', KEYS[3], ARGV[3])
end
side_writes(4, 6)
return 1
