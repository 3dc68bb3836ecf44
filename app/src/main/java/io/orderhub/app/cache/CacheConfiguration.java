package io.orderhub.app.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.redis.om.spring.annotations.EnableRedisEnhancedRepositories;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.orderhub.app.order.OrderUseCases;
import io.orderhub.app.order.OrderView;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The hot-order caches; the Redis read model only with {@code orderhub.redis.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
public class CacheConfiguration {

  @Bean
  HotOrders hotOrders(
      CacheProperties properties,
      ObjectProvider<OrderViewStore> redis,
      // looked up at the first read: the use cases' outbox writer calls back into this cache
      ObjectProvider<OrderUseCases> useCases) {
    return new HotOrders(
        Caffeine.newBuilder()
            .expireAfterWrite(properties.ttl())
            .maximumSize(properties.maximumSize())
            .build(),
        Optional.ofNullable(redis.getIfAvailable()),
        orderId -> OrderView.of(useCases.getObject().get(orderId)));
  }

  @Bean
  OrderViewInvalidation orderViewInvalidation(HotOrders hotOrders) {
    return new OrderViewInvalidation(hotOrders);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "orderhub.redis.enabled", havingValue = "true")
  @EnableRedisEnhancedRepositories(basePackageClasses = OrderViewDocuments.class)
  static class RedisReadModel {

    @Bean
    OrderViewStore orderViewStore(
        OrderViewDocuments documents,
        JsonMapper json,
        CacheProperties properties,
        ObjectProvider<Clock> clock) {
      CircuitBreaker breaker =
          CircuitBreaker.of(
              "redis-order-views",
              CircuitBreakerConfig.custom()
                  .failureRateThreshold(50)
                  .slidingWindowSize(20)
                  .minimumNumberOfCalls(5)
                  .waitDurationInOpenState(Duration.ofSeconds(5))
                  .build());
      return new OrderViewStore(
          documents, breaker, json, properties.redisTtl(), clock.getIfAvailable(Clock::systemUTC));
    }
  }
}
