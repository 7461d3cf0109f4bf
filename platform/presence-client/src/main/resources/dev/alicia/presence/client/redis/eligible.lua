-- The agents who can take a contact now: routable on the channel, speaking the language, with at least
-- the given proficiency in each skill. One round trip; reads agent hashes under the same hash tag.
-- It walks the smallest source it has - the first skill's agents from the most proficient down to the
-- level, else the language set intersected with the routable set - and checks each agent against the rest.
-- KEYS[1]    the routable set of the channel
-- KEYS[2]    the language set (or KEYS[1] again when any language will do, or KEYS[3] is per language)
-- KEYS[3..]  one skill sorted set per required skill (score = proficiency); the first may be the
--            skill-in-language set, which makes the walk about a tenth as long
-- ARGV[1]    the agent hash key prefix ('presence:{tenant}:agent:')
-- ARGV[2]    the most agents to return
-- ARGV[3..]  minimum proficiency per skill, in KEYS order
-- Returns a flat list: agent id, its state line and its version, for each eligible agent.
local limit = tonumber(ARGV[2])
local anyLanguage = KEYS[2] == KEYS[1]
local ids
local checkSets
if #KEYS >= 3 then
  ids = redis.call('ZREVRANGEBYSCORE', KEYS[3], '+inf', ARGV[3])
  checkSets = true
elseif anyLanguage then
  ids = redis.call('SMEMBERS', KEYS[1])
  checkSets = false
else
  ids = redis.call('SINTER', KEYS[2], KEYS[1])
  checkSets = false
end
-- Membership is asked for many candidates at once (SMISMEMBER, ZMSCORE: Redis 6.2+), not one call each,
-- in chunks that stay below Lua's limit on unpacked arguments.
local function ask(command, key, list)
  local answers = {}
  for first = 1, #list, 1000 do
    local chunk = redis.call(command, key, unpack(list, first, math.min(first + 999, #list)))
    for i = 1, #chunk do
      answers[#answers + 1] = chunk[i]
    end
  end
  return answers
end
local keep = ids
if checkSets and #ids > 0 then
  local routable = ask('SMISMEMBER', KEYS[1], ids)
  local spoken = anyLanguage and routable or ask('SMISMEMBER', KEYS[2], ids)
  keep = {}
  for i = 1, #ids do
    local id = ids[i]
    if routable[i] == 1 and spoken[i] == 1 then
      keep[#keep + 1] = id
    end
  end
end
for k = 4, #KEYS do
  if #keep == 0 then
    break
  end
  local scores = ask('ZMSCORE', KEYS[k], keep)
  local level = tonumber(ARGV[k])
  local next = {}
  for i = 1, #keep do
    local id = keep[i]
    if scores[i] and tonumber(scores[i]) >= level then
      next[#next + 1] = id
    end
  end
  keep = next
end
local out = {}
for i = 1, math.min(#keep, limit) do
  local agent = redis.call('HMGET', ARGV[1] .. keep[i], 'state', 'version')
  out[#out + 1] = keep[i]
  out[#out + 1] = agent[1]
  out[#out + 1] = agent[2]
end
return out
