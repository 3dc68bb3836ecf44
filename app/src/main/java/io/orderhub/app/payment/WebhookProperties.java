package io.orderhub.app.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderhub.payment.webhook.*}: how payment callbacks are authenticated.
 *
 * @param secret the secret shared with the provider, which signs every callback with it; without
 *     one every callback is refused
 * @param tolerance how far a callback's timestamp may lie from now; older ones are replays
 */
@ConfigurationProperties("orderhub.payment.webhook")
public record WebhookProperties(String secret, @DefaultValue("PT5M") Duration tolerance) {}
