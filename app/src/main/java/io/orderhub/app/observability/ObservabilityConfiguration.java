package io.orderhub.app.observability;

import io.camunda.client.jobhandling.JobWorkerFactory;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.orderhub.domain.outbox.application.OutboxObserver;
import io.orderhub.domain.payment.application.PaymentProviderDecorator;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

  /** Named {@code engine}: the health component and the probe groups refer to it by that name. */
  @Bean(name = "engineHealthIndicator")
  EngineHealthIndicator engineHealthIndicator(
      @Value("${orderhub.engine.health-url:}") String healthUrl) {
    return new EngineHealthIndicator(healthUrl.isBlank() ? null : URI.create(healthUrl));
  }

  /** Every job worker runs in a span of its order's trace (see TracingJobWorkerFactory). */
  @Bean
  static BeanPostProcessor tracingJobWorkerFactory(ObjectProvider<OpenTelemetry> openTelemetry) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JobWorkerFactory factory
            && !(bean instanceof TracingJobWorkerFactory)) {
          return new TracingJobWorkerFactory(
              factory, () -> openTelemetry.getIfAvailable(OpenTelemetry::noop));
        }
        return bean;
      }
    };
  }

  @Bean
  OrdersCreatedMeter ordersCreatedMeter(MeterRegistry registry) {
    return new OrdersCreatedMeter(registry);
  }

  @Bean
  OutboxObserver orderFlowMeters(MeterRegistry registry, ObjectProvider<Clock> clock) {
    return new OrderFlowMeters(registry, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  OutboxMeters outboxMeters(
      MeterRegistry registry, DataSource dataSource, ObjectProvider<Clock> clock) {
    return new OutboxMeters(
        registry, JdbcClient.create(dataSource), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  PaymentProviderDecorator meteredPaymentProvider(MeterRegistry registry) {
    return provider -> new MeteredPaymentProvider(provider, registry);
  }

  /**
   * Replaces the Camunda client's own recorder (it backs off when one exists), so that its job
   * metrics stay and compensations are counted too.
   */
  @Bean
  MetricsRecorder compensationCountingMetricsRecorder(
      MeterRegistry registry,
      @Value(
              "${orderhub.metrics.compensation-job-types:stock.release,payment.refund,shipment.recall}")
          Set<String> compensationJobTypes) {
    return new CompensationCountingMetricsRecorder(registry, compensationJobTypes);
  }
}
