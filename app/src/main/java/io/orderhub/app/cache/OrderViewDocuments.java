package io.orderhub.app.cache;

import com.redis.om.spring.repository.RedisEnhancedRepository;

/**
 * The Redis read model's repository (redis-om-spring). Only {@code save}/{@code findById} are used:
 * its queries and search need the RediSearch 2.x module, which plain Redis lacks.
 */
public interface OrderViewDocuments extends RedisEnhancedRepository<OrderViewDocument, String> {}
