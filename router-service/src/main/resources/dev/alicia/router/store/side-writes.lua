-- Prepended to a script that takes side writes (SideWrites.java): what goes with the script's change, written in
-- the same call and only where the script says so. From KEYS[k0] on, the side keys; from ARGV[a0] on, four
-- arguments per write: the key's 0-based index among the side keys, the command, and its one or two arguments.
local function side_writes(k0, a0)
  for i = a0, #ARGV, 4 do
    local key = KEYS[k0 + tonumber(ARGV[i])]
    local command = ARGV[i + 1]
    if command == 'HINCRBY' or command == 'HSET' then
      redis.call(command, key, ARGV[i + 2], ARGV[i + 3])
    elseif command == 'EXPIRE' then
      redis.call('EXPIRE', key, ARGV[i + 2])
    else
      error('unknown side write: ' .. tostring(command))
    end
  end
end

