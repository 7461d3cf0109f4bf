-- The agents who can take a contact now: routable on the channel, speaking the language, with at least the
-- given proficiency in each skill, most proficient first. One round trip, all keys under the tenant's tag.
-- It walks the smallest source it has - the first skill's agents (within the language when the first skill
-- set is the skill-in-language one) from the most proficient down, else the language set intersected with
-- the routable set - in chunks, asking membership for a whole chunk at once, and stops at the limit.
-- KEYS[1]    the tenant's hash of agent states
-- KEYS[2]    the routable set of the channel
-- KEYS[3]    the language set, or KEYS[2] again when any language will do (or KEYS[4] is per language)
-- KEYS[4..]  one skill sorted set per required skill (score = proficiency)
-- ARGV[1]    the most agents to return
-- ARGV[2..]  minimum proficiency per skill, in KEYS order from KEYS[4]
-- Returns a flat list: agent id and its state line ('<version>;<state>'), for each eligible agent.
local limit = tonumber(ARGV[1])
local anyLanguage = KEYS[3] == KEYS[2]
local found = {}

local function passes(chunk)
  local routable = redis.call('SMISMEMBER', KEYS[2], unpack(chunk))
  local spoken = anyLanguage and routable or redis.call('SMISMEMBER', KEYS[3], unpack(chunk))
  local keep = {}
  for i = 1, #chunk do
    if routable[i] == 1 and spoken[i] == 1 then
      keep[#keep + 1] = chunk[i]
    end
  end
  for k = 5, #KEYS do
    if #keep == 0 then
      break
    end
    local scores = redis.call('ZMSCORE', KEYS[k], unpack(keep))
    local level = tonumber(ARGV[k - 2])
    local next = {}
    for i = 1, #keep do
      if scores[i] and tonumber(scores[i]) >= level then
        next[#next + 1] = keep[i]
      end
    end
    keep = next
  end
  return keep
end

if #KEYS >= 4 then
  local chunkSize = math.max(2 * limit, 64)
  local offset = 0
  while #found < limit do
    local chunk = redis.call('ZREVRANGEBYSCORE', KEYS[4], '+inf', ARGV[2], 'LIMIT', offset, chunkSize)
    if #chunk == 0 then
      break
    end
    for _, id in ipairs(passes(chunk)) do
      if #found < limit then
        found[#found + 1] = id
      end
    end
    offset = offset + chunkSize
  end
else
  local ids = anyLanguage and redis.call('SMEMBERS', KEYS[2]) or redis.call('SINTER', KEYS[3], KEYS[2])
  for i = 1, math.min(#ids, limit) do
    found[i] = ids[i]
  end
end

local out = {}
if #found > 0 then
  local states = redis.call('HMGET', KEYS[1], unpack(found))
  for i = 1, #found do
    if states[i] then
      out[#out + 1] = found[i]
      out[#out + 1] = states[i]
    end
  end
end
return out
