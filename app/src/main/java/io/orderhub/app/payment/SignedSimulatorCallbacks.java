package io.orderhub.app.payment;

import io.orderhub.domain.payment.application.PaymentCallbackSink;
import io.orderhub.domain.payment.model.PaymentCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local simulated provider's callbacks, sent as a real provider would: the webhook's JSON body,
 * signed with the shared secret, through the same {@link CallbackIntake} that checks the webhook's
 * signatures — so a local run exercises the signature path on every payment.
 */
class SignedSimulatorCallbacks implements PaymentCallbackSink {

  private final WebhookSignature signature;
  private final JsonMapper json;
  private final CallbackIntake intake;

  SignedSimulatorCallbacks(WebhookSignature signature, JsonMapper json, CallbackIntake intake) {
    this.signature = signature;
    this.json = json;
    this.intake = intake;
  }

  @Override
  public void accept(PaymentCallback callback) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("paymentId", callback.paymentId().asString());
    body.put("status", callback.status().name());
    body.put("providerReference", callback.providerReference());
    byte[] bytes = json.writeValueAsBytes(body);
    intake.receive(signature.sign(bytes), bytes);
  }
}
