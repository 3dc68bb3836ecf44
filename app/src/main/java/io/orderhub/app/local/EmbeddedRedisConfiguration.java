package io.orderhub.app.local;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Runs a real redis-server (the Redis 6.2 binary bundled by {@code embedded-redis}) as a child
 * process ({@code orderhub.redis.embedded=true}, the local profile) on {@code orderhub.redis.port},
 * on loopback and without persistence: PostgreSQL is the record, Redis is rebuilt from it at start.
 * Elsewhere {@code spring.data.redis.*} says where Redis is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderhub.redis.embedded", havingValue = "true")
public class EmbeddedRedisConfiguration {

  static final String REDIS_BEAN = "embeddedRedis";

  @Bean(name = REDIS_BEAN, destroyMethod = "stop")
  EmbeddedRedisLauncher embeddedRedis(
      @org.springframework.beans.factory.annotation.Value("${orderhub.redis.port:6380}") int port) {
    return EmbeddedRedisLauncher.start(port);
  }

  @Bean
  static BeanFactoryPostProcessor redisAfterEmbeddedRedis() {
    return DependsOn.beansOfType(RedisConnectionFactory.class, REDIS_BEAN);
  }
}
