-- The agents who can take a contact now: routable on the channel, speaking the language, with at least
-- the given proficiency in each skill. One round trip; reads agent hashes under the same hash tag.
-- KEYS[1]    the routable set of the channel
-- KEYS[2]    the language set (or KEYS[1] again when any language will do)
-- KEYS[3..]  one skill sorted set per required skill (score = proficiency)
-- ARGV[1]    the agent hash key prefix ('presence:{tenant}:agent:')
-- ARGV[2]    the most agents to return
-- ARGV[3..]  minimum proficiency per skill, in KEYS order
-- Returns a flat list: agent id, then its HGETALL array, for each eligible agent.
local ids
if KEYS[2] == KEYS[1] then
  ids = redis.call('SMEMBERS', KEYS[1])
else
  ids = redis.call('SINTER', KEYS[1], KEYS[2])
end
local limit = tonumber(ARGV[2])
local out = {}
local found = 0
for _, id in ipairs(ids) do
  local ok = true
  for k = 3, #KEYS do
    local score = redis.call('ZSCORE', KEYS[k], id)
    if (not score) or tonumber(score) < tonumber(ARGV[k]) then
      ok = false
      break
    end
  end
  if ok then
    out[#out + 1] = id
    out[#out + 1] = redis.call('HGETALL', ARGV[1] .. id)
    found = found + 1
    if found >= limit then
      break
    end
  end
end
return out
