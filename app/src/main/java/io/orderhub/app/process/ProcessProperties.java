package io.orderhub.app.process;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application drives the processes ({@code orderhub.process.*}).
 *
 * @param fulfillmentProcessId the BPMN process id started for every new order
 * @param messageTimeToLive how long a published message waits for its subscription: a payment
 *     callback may arrive before the instance reaches its catch event, a cancellation before the
 *     instance exists
 * @param paymentTimeout passed as the {@code paymentTimeout} variable (ISO-8601) when set; the
 *     model's default ({@code PT15M}) applies otherwise
 * @param deliverySla passed as the {@code deliverySla} variable when set (model default {@code
 *     P3D})
 * @param startWait how long a create request waits for its order's process to start before it
 *     answers anyway: the order is durable by then, the start goes on without the request (and the
 *     retry sweep makes it should it be lost), so an engine busy with other commands does not hold
 *     the 201 back
 */
@ConfigurationProperties("orderhub.process")
public record ProcessProperties(
    @DefaultValue("order-fulfillment") String fulfillmentProcessId,
    @DefaultValue("PT1H") Duration messageTimeToLive,
    Duration paymentTimeout,
    Duration deliverySla,
    @DefaultValue("PT0.1S") Duration startWait,
    @DefaultValue StartRetry startRetry,
    @DefaultValue Deployment deployment) {

  /**
   * The sweep that starts processes the inline start could not (engine unreachable, model not yet
   * deployed, a crash between persisting and starting).
   *
   * @param interval pause between two sweeps
   * @param grace how old an order must be before a sweep takes it, so the sweep does not race the
   *     request that is still starting it inline
   * @param batchSize at most this many orders per sweep
   */
  public record StartRetry(
      @DefaultValue("PT5S") Duration interval,
      @DefaultValue("PT10S") Duration grace,
      @DefaultValue("100") int batchSize) {}

  /**
   * The models deployed at startup (and again by the sweep until one deployment succeeded). The
   * engine versions a model only when its bytes change, so deploying on every start is harmless.
   *
   * @param resources Spring resource patterns; none found means nothing to deploy
   */
  public record Deployment(
      @DefaultValue("true") boolean enabled,
      @DefaultValue({"classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn"})
          List<String> resources) {}
}
