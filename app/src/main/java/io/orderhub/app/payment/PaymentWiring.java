package io.orderhub.app.payment;

import io.orderhub.app.process.ProcessMessages;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PaymentWiring {

  /**
   * The callbacks handler; when the simulated provider runs (local profile, tests), its answers go
   * through it too, so they reach the process exactly as a webhook call would.
   */
  @Bean
  PaymentCallbacks paymentCallbacks(
      PaymentService payments,
      ProcessMessages messages,
      ObjectProvider<SimulatedPaymentProvider> simulator) {
    PaymentCallbacks callbacks = new PaymentCallbacks(payments, messages);
    simulator.ifAvailable(provider -> provider.connect(callbacks));
    return callbacks;
  }
}
