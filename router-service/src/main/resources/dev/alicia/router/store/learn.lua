-- Adds one outcome to the learner's counts: every increment in one step, so a reader never sees half an outcome.
-- Additions commute, so several router instances add to the same counts without coordination.
-- KEYS[1] the tenant's outcome counts (hash)
-- ARGV    field, increment, field, increment, ...
for i = 1, #ARGV, 2 do
  redis.call('HINCRBYFLOAT', KEYS[1], ARGV[i], ARGV[i + 1])
end
return #ARGV / 2
