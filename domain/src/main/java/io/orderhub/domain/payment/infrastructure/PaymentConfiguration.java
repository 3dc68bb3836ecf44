package io.orderhub.domain.payment.infrastructure;

import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.payment.application.PaymentProvider;
import io.orderhub.domain.payment.application.PaymentProviderDecorator;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.routing.WeightedPaymentRouter;
import io.orderhub.domain.resilience.Guard;
import io.orderhub.domain.resilience.ResilienceProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the payment context. Unless {@code orderhub.payment.provider=external} (then the
 * application provides its own {@link PaymentProvider} bean), the {@link SimulatedPaymentProvider}
 * is used, answering on a thread of its own ({@code orderhub.payment.simulator.delivery=async}, the
 * default) or on demand ({@code =on-demand}, for tests), and its callbacks go straight to {@link
 * PaymentService#handleCallback} until the application connects another sink. Its books are kept in
 * {@code payment.simulated_charge}, so refunds and owed answers survive a restart. With {@code
 * orderhub.payment.providers.<name>.*} the simulator plays several providers and new payments are
 * routed over them by dynamic weights ({@link WeightedPaymentRouter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentProvidersProperties.class, ResilienceProperties.class})
public class PaymentConfiguration {

  @Bean
  @ConditionalOnProperty(
      name = "orderhub.payment.provider",
      havingValue = "simulated",
      matchIfMissing = true)
  // its thread is its own, not an Executor bean: one would switch off Boot's task executor
  SimulatedPaymentProvider simulatedPaymentProvider(
      @Value("${orderhub.payment.simulator.delivery:async}") String delivery,
      DataSource dataSource) {
    SimulatorLedger ledger = new SimulatorLedger(dataSource);
    return switch (delivery) {
      case "async" -> SimulatedPaymentProvider.answeringOnOwnThread(ledger);
      case "on-demand" -> SimulatedPaymentProvider.answeringOnDemand(ledger);
      default ->
          throw new IllegalArgumentException(
              "Expected orderhub.payment.simulator.delivery to be async or on-demand, but got "
                  + delivery);
    };
  }

  /**
   * The providers new payments are routed over, each decorated (metering) and guarded (bulkhead,
   * time limit, circuit breaker, {@code orderhub.resilience.payment.*}): the simulated providers
   * named under {@code orderhub.payment.providers}, or else the one provider bean.
   */
  @Bean
  WeightedPaymentRouter paymentRouter(
      PaymentProvider provider,
      PaymentProvidersProperties properties,
      ResilienceProperties resilience,
      ObjectProvider<PaymentProviderDecorator> decorators) {
    List<PaymentProvider> providers = new ArrayList<>();
    if (properties.providers().isEmpty()) {
      providers.add(provider);
    } else if (provider instanceof SimulatedPaymentProvider simulator) {
      new TreeMap<>(properties.providers())
          .forEach(
              (name, faults) -> providers.add(simulator.channel(name).inject(faults.faults())));
    } else {
      throw new IllegalStateException(
          "Expected orderhub.payment.providers to name simulated providers, but the payment"
              + " provider is the application's own (orderhub.payment.provider=external)");
    }
    List<WeightedPaymentRouter.Candidate> candidates = new ArrayList<>();
    for (PaymentProvider each : providers) {
      PaymentProvider decorated = each;
      for (PaymentProviderDecorator decorator : decorators.orderedStream().toList()) {
        decorated = decorator.decorate(decorated);
      }
      candidates.add(
          new WeightedPaymentRouter.Candidate(
              each.name(),
              decorated,
              new Guard("payment-" + each.name(), resilience.payment().settings())));
    }
    return new WeightedPaymentRouter(candidates, properties.routing().settings());
  }

  @Bean
  PaymentService paymentService(
      Payments payments,
      OutboxWriter outbox,
      PaymentProvider provider,
      WeightedPaymentRouter router,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    PaymentService service =
        new PaymentService(
            payments, outbox, router, transactionManager, clock.getIfAvailable(Clock::systemUTC));
    if (provider instanceof SimulatedPaymentProvider simulator) {
      simulator.connect(service::handleCallback);
    }
    return service;
  }
}
