package io.orderhub.domain.payment.infrastructure;

import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.payment.application.PaymentProvider;
import io.orderhub.domain.payment.application.PaymentProviderDecorator;
import io.orderhub.domain.payment.application.PaymentService;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the payment context. Unless {@code orderhub.payment.provider=external} (then the
 * application provides its own {@link PaymentProvider} bean), the {@link SimulatedPaymentProvider}
 * is used, answering on a thread of its own ({@code orderhub.payment.simulator.delivery=async}, the
 * default) or on demand ({@code =on-demand}, for tests), and its callbacks go straight to {@link
 * PaymentService#handleCallback} until the application connects another sink. Its books are kept in
 * {@code payment.simulated_charge}, so refunds and owed answers survive a restart.
 */
@Configuration(proxyBeanMethods = false)
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

  @Bean
  PaymentService paymentService(
      Payments payments,
      OutboxWriter outbox,
      PaymentProvider provider,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock,
      ObjectProvider<PaymentProviderDecorator> decorators) {
    PaymentProvider decorated = provider;
    for (PaymentProviderDecorator decorator : decorators.orderedStream().toList()) {
      decorated = decorator.decorate(decorated);
    }
    PaymentService service =
        new PaymentService(
            payments,
            outbox,
            decorated,
            transactionManager,
            clock.getIfAvailable(Clock::systemUTC));
    if (provider instanceof SimulatedPaymentProvider simulator) {
      simulator.connect(service::handleCallback);
    }
    return service;
  }
}
