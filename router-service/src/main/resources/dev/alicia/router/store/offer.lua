-- Opens the offer of a contact that was in flight: its state saved (offered to the agent), due for the sweeper
-- at the offer's deadline, no longer in flight; with no deadline (an auto-answer queue), the state is saved as
-- assigned and no offer opens. One round trip, all keys under the tenant's tag.
-- KEYS[1] contact state (string)  KEYS[2] open offers (zset deadline)  KEYS[3] in flight (zset deadline)
-- ARGV[1] state JSON  ARGV[2] its time to live in seconds  ARGV[3] contact id  ARGV[4] offer deadline (epoch ms)
-- or ''
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
if ARGV[4] ~= '' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
end
redis.call('ZREM', KEYS[3], ARGV[3])
return 1
