-- The agents who can take a contact: members of every given set, with at least the given proficiency in each
-- skill, most proficient first. One round trip, all keys under the tenant's tag.
-- With skills, it walks the first skill's sorted set from the most proficient down, in chunks, asking
-- membership and the other skills' levels for a whole chunk at once, and stops at the limit. The router's
-- first sorted set is a ready index (routable on the channel, speaking the language, with the skill): every
-- member passes and one chunk answers. Without skills there is one set (m = 1): any `limit` of its members.
-- KEYS[1]          the tenant's hash of agent states
-- KEYS[2..m+1]     m sets each returned agent must belong to (m = ARGV[2])
-- KEYS[m+2..]      one sorted set per required skill (score = proficiency)
-- ARGV[1]          the most agents to return
-- ARGV[2]          m
-- ARGV[3..]        minimum proficiency per skill, in KEYS order
-- Returns a flat list: agent id and its state line ('<version>;<state>'), for each eligible agent.
local limit = tonumber(ARGV[1])
local sets = tonumber(ARGV[2])
local firstSkill = sets + 2
local found = {}

local function passes(chunk)
  local keep = chunk
  for k = 2, sets + 1 do
    if #keep == 0 then
      return keep
    end
    local member = redis.call('SMISMEMBER', KEYS[k], unpack(keep))
    local next = {}
    for i = 1, #keep do
      if member[i] == 1 then
        next[#next + 1] = keep[i]
      end
    end
    keep = next
  end
  for k = firstSkill + 1, #KEYS do
    if #keep == 0 then
      return keep
    end
    local scores = redis.call('ZMSCORE', KEYS[k], unpack(keep))
    local level = tonumber(ARGV[k - sets + 1])
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

if #KEYS >= firstSkill then
  local chunkSize = math.max(2 * limit, 64)
  local offset = 0
  while #found < limit do
    local chunk = redis.call('ZREVRANGEBYSCORE', KEYS[firstSkill], '+inf', ARGV[3], 'LIMIT', offset, chunkSize)
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
  found = redis.call('SRANDMEMBER', KEYS[2], limit)
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
