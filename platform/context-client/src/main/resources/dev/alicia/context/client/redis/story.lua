-- The brief's reads in one round trip: the hot profile and the whole journey of one customer.
-- KEYS[1] profile hash, KEYS[2] journey list (same {tenant:customer} tag).
return { redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1) }
