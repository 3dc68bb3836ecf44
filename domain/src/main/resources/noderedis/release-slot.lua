-- Gives an order's slot at one node back, atomically. Idempotent.
-- KEYS[1] the order's booking at this node, KEYS[2] the day set it names
-- ARGV[1] order id
redis.call('SREM', KEYS[2], ARGV[1])
return redis.call('DEL', KEYS[1])
