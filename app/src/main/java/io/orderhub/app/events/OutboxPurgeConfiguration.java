package io.orderhub.app.events;

import io.orderhub.domain.outbox.application.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox purge runs whether or not the Kafka relay does; see {@link OutboxPurgeJob}. */
@Configuration(proxyBeanMethods = false)
public class OutboxPurgeConfiguration {

  @Bean
  OutboxPurgeJob outboxPurgeJob(
      OutboxRelay relay,
      @Value("${orderhub.events.kafka.enabled:false}") boolean relayed,
      @Value("${orderhub.events.outbox.retention:PT1H}") Duration retention,
      ObjectProvider<Clock> clock) {
    return new OutboxPurgeJob(relay, relayed, retention, clock.getIfAvailable(Clock::systemUTC));
  }
}
