-- Opens the offer of a contact that was in flight: its state saved (offered to the agent), due for the sweeper
-- at the offer's deadline, no longer in flight; with no deadline (an assignment, or a contact settled elsewhere),
-- the state is saved and no offer opens. An assignment stays in flight until it is announced (ARGV[5]): should its
-- router stop before, the sweeper announces it. One round trip, all keys under the tenant's tag.
-- KEYS[1] contact state (string)  KEYS[2] open offers (zset deadline)  KEYS[3] in flight (zset deadline)
-- ARGV[1] state JSON  ARGV[2] its time to live in seconds  ARGV[3] contact id  ARGV[4] offer deadline (epoch ms)
-- or ''  ARGV[5] in-flight deadline (epoch ms) to stay in flight, or ''
-- ARGV[6] the status the saved state must have now, or '' for none  ARGV[7] and the agent it must name
-- KEYS[4..] and ARGV[8..] what goes with the change (side-writes.lua: counters, the agent's distressed run)
-- Returns 1, or 0 (nothing written) when the saved state is not what was expected: another caller moved it on.
if ARGV[6] ~= '' then
  local current = redis.call('GET', KEYS[1])
  if not current then
    return 0
  end
  local saved = cjson.decode(current)
  if saved.status ~= ARGV[6] or saved.agentId ~= ARGV[7] then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
if ARGV[4] ~= '' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
end
if ARGV[5] ~= '' then
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3])
else
  redis.call('ZREM', KEYS[3], ARGV[3])
end
side_writes(4, 8)
return 1
