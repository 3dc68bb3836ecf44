package io.orderhub.app;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  /**
   * The clock of every domain service: UTC, ticking in microseconds — PostgreSQL's resolution — so
   * an order answered right after it was saved shows the same timestamps as when it is read back.
   */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
