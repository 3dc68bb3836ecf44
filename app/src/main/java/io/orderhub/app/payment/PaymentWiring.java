package io.orderhub.app.payment;

import io.orderhub.app.process.ProcessMessages;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import jakarta.validation.Validator;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class PaymentWiring {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentWiring.class);

  @Bean
  PaymentCallbacks paymentCallbacks(PaymentService payments, ProcessMessages messages) {
    return new PaymentCallbacks(payments, messages);
  }

  @Bean
  WebhookSignature webhookSignature(WebhookProperties properties, ObjectProvider<Clock> clock) {
    WebhookSignature signature =
        new WebhookSignature(properties, clock.getIfAvailable(Clock::systemUTC));
    if (!signature.hasSecret()) {
      LOG.warn(
          "No orderhub.payment.webhook.secret is configured: every payment callback is refused");
    }
    return signature;
  }

  /**
   * The callbacks' way in; when the simulated provider runs (local profile, tests), its answers are
   * signed and go through it too, exactly as a webhook call would.
   */
  @Bean
  CallbackIntake callbackIntake(
      WebhookSignature signature,
      JsonMapper json,
      Validator validator,
      PaymentCallbacks callbacks,
      ObjectProvider<SimulatedPaymentProvider> simulator) {
    CallbackIntake intake = new CallbackIntake(signature, json, validator, callbacks);
    simulator.ifAvailable(
        provider -> provider.connect(new SignedSimulatorCallbacks(signature, json, intake)));
    return intake;
  }
}
