package io.orderhub.domain.shipment.infrastructure.noderedis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.orderhub.domain.shipment.infrastructure.DatabaseDispatchSlots;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Fulfilment nodes' dispatch slots in Redis ({@code orderhub.redis.enabled=true}; Redis itself from
 * Boot's {@code spring.data.redis.*}). Properties: {@code orderhub.redis.key-prefix} ({@code
 * orderhub}), {@code orderhub.redis.nodes.reconcile-interval} ({@code PT1S}: how often an
 * out-of-sync Redis is tried again), {@code orderhub.redis.breaker.wait-in-open} ({@code PT2S}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderhub.redis.enabled", havingValue = "true")
public class NodeRedisConfiguration {

  /**
   * Commands fail at once while the connection is down instead of queueing until their timeout: the
   * breaker and the database fallback decide, not a wait per routing.
   */
  @Bean
  LettuceClientOptionsBuilderCustomizer orderhubFailFastRedis() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }

  @Bean
  CircuitBreaker dispatchSlotsBreaker(
      @Value("${orderhub.redis.breaker.wait-in-open:PT2S}") Duration waitInOpen) {
    return CircuitBreaker.of(
        "redis-dispatch-slots",
        CircuitBreakerConfig.custom()
            .failureRateThreshold(50)
            .slidingWindowSize(20)
            .minimumNumberOfCalls(5)
            .waitDurationInOpenState(waitInOpen)
            .permittedNumberOfCallsInHalfOpenState(3)
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .build());
  }

  @Bean
  @Primary
  ResilientDispatchSlots resilientDispatchSlots(
      DatabaseDispatchSlots database,
      RedisConnectionFactory connectionFactory,
      CircuitBreaker dispatchSlotsBreaker,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock,
      @Value("${orderhub.redis.key-prefix:orderhub}") String prefix) {
    return new ResilientDispatchSlots(
        database,
        new RedisDispatchSlots(new StringRedisTemplate(connectionFactory), prefix),
        dispatchSlotsBreaker,
        transactionManager,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  NodeReconciler nodeReconciler(
      ResilientDispatchSlots slots,
      @Value("${orderhub.redis.nodes.reconcile-interval:PT1S}") Duration interval) {
    return new NodeReconciler(slots, interval);
  }
}
