package io.orderhub.engine.api;

import java.time.Duration;

/**
 * Zeebe's rules for the {@code requestTimeout} a client sends, shared by both gateways so REST and
 * gRPC answer alike. Documented: for job activation 0 means the gateway's default long-polling time
 * and a negative value means no long polling; for an awaited creation 0 means the gateway's generic
 * request timeout. Zeebe accepts any larger value; we cap it so that arithmetic on deadlines cannot
 * overflow and no exchange is held longer than an hour, after which a client simply asks again.
 */
public final class RequestTimeouts {

  /** The gateway default for 0, as Zeebe's generic request timeout and long-polling time. */
  public static final Duration DEFAULT = Duration.ofSeconds(10);

  /** Longer requests are held this long: far beyond any client default, far below overflow. */
  public static final Duration MAX = Duration.ofHours(1);

  private RequestTimeouts() {}

  /** Job activation: 0 is the default long poll, negative is none, larger values are capped. */
  public static Duration longPoll(long millis) {
    if (millis == 0) {
      return DEFAULT;
    }
    return millis < 0 ? Duration.ZERO : capped(millis);
  }

  /**
   * Awaiting a process instance's completion: 0 is the gateway default; a negative value cannot be
   * a wait, so it is the default too (Zeebe documents only 0); larger values are capped.
   */
  public static Duration awaitCompletion(long millis) {
    return millis <= 0 ? DEFAULT : capped(millis);
  }

  private static Duration capped(long millis) {
    return millis >= MAX.toMillis() ? MAX : Duration.ofMillis(millis);
  }
}
