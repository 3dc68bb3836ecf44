-- Books a dispatch slot of one fulfilment node, atomically.
-- KEYS[1] the node's capacity (absent: Redis lost or never had this node's state)
-- KEYS[2] the order's booking at this node (its day)
-- KEYS[3..n] the day sets (order ids), today first
-- ARGV[1] order id, ARGV[2] time to live of the keys (s), ARGV[3..n] the days of KEYS[3..n]
-- Answers {1, day} booked, {0, day} booked before (a redelivered job), {2, ''} every day is full,
-- {-1, ''} not seeded.
local capacity = tonumber(redis.call('GET', KEYS[1]))
if not capacity then
  return {-1, ''}
end
local booked = redis.call('GET', KEYS[2])
if booked then
  return {0, booked}
end
for i = 3, #KEYS do
  if redis.call('SCARD', KEYS[i]) < capacity then
    redis.call('SADD', KEYS[i], ARGV[1])
    redis.call('EXPIRE', KEYS[i], ARGV[2])
    redis.call('SET', KEYS[2], ARGV[i], 'EX', ARGV[2])
    return {1, ARGV[i]}
  end
end
return {2, ''}
