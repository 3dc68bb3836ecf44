package io.orderhub.domain.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderhub.resilience.*}: the guards around each payment provider ({@code payment}, one
 * guard per provider with these settings) and around the carrier ({@code carrier}).
 */
@ConfigurationProperties("orderhub.resilience")
public record ResilienceProperties(
    @DefaultValue Dependency payment, @DefaultValue Dependency carrier) {

  /** See {@link GuardSettings} for what each setting means. */
  public record Dependency(
      @DefaultValue("2s") Duration timeout,
      @DefaultValue("32") int maxConcurrentCalls,
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("20") int slidingWindowSize,
      @DefaultValue("10") int minimumCalls,
      @DefaultValue("10s") Duration waitInOpenState,
      @DefaultValue("3") int callsInHalfOpenState) {

    public GuardSettings settings() {
      return new GuardSettings(
          timeout,
          maxConcurrentCalls,
          failureRateThreshold,
          slidingWindowSize,
          minimumCalls,
          waitInOpenState,
          callsInHalfOpenState);
    }
  }
}
