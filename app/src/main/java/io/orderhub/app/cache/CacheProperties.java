package io.orderhub.app.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderhub.cache.orders.*}: the hot-order caches.
 *
 * @param ttl how long Caffeine keeps an order's view (the seed's BigCache: 30 s)
 * @param maximumSize how many orders Caffeine keeps at most
 * @param redisTtl how long the Redis read model keeps a view after its last change
 */
@ConfigurationProperties("orderhub.cache.orders")
public record CacheProperties(
    @DefaultValue("PT30S") Duration ttl,
    @DefaultValue("100000") long maximumSize,
    @DefaultValue("PT10M") Duration redisTtl) {}
