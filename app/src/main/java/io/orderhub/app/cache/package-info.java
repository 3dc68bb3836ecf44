/**
 * Hot-order reads: {@code GET /api/orders/{id}} from a Caffeine cache in the process, over a Redis
 * read model ({@code @RedisHash} documents of redis-om-spring), over PostgreSQL. Each committed
 * change of an order writes its new view through both (an outbox observer), so a client's next read
 * never shows a state older than its acknowledged change.
 */
package io.orderhub.app.cache;
