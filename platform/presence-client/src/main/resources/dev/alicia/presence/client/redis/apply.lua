-- Writes an agent's new live state if nobody changed it since it was read (compare-and-set on version),
-- and keeps the tenant's indexes in step, atomically. Every key shares the tenant's hash tag.
-- KEYS[1]    the tenant's hash of agent states (field: agent id, value: '<version>;<state>')
-- KEYS[2..]  index keys, each with an operation in ARGV
-- ARGV[1]    expected version ('0' for an agent not in Redis yet)
-- ARGV[2]    agent id (the field, and the member of the indexes)
-- ARGV[3]    the new state line, without its version; empty removes the agent
-- ARGV[4..]  one operation per index key: 'S+' SADD, 'S-' SREM, 'Z-' ZREM, 'Z+<score>' ZADD with that score
-- Returns the new version, or -1 when the expected version is stale.
local current = redis.call('HGET', KEYS[1], ARGV[2])
local version = current and string.match(current, '^(%d+);') or '0'
if version ~= ARGV[1] then
  return -1
end
version = tonumber(version) + 1
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], ARGV[2])
else
  redis.call('HSET', KEYS[1], ARGV[2], version .. ';' .. ARGV[3])
end
for k = 2, #KEYS do
  local op = ARGV[k + 2]
  if op == 'S+' then
    redis.call('SADD', KEYS[k], ARGV[2])
  elseif op == 'S-' then
    redis.call('SREM', KEYS[k], ARGV[2])
  elseif op == 'Z-' then
    redis.call('ZREM', KEYS[k], ARGV[2])
  else
    redis.call('ZADD', KEYS[k], tonumber(string.sub(op, 3)), ARGV[2])
  end
end
return version
