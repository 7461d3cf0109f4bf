-- Adds to a queue's counters of one statistics interval in one round trip, and keeps them for the window.
-- KEYS[1] the interval's hash; ARGV[1] seconds to keep; then pairs of counter name and amount.
for i = 2, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
