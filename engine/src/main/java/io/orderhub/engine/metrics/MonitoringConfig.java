package io.orderhub.engine.metrics;

import java.time.Duration;

/**
 * The monitoring endpoint (Zeebe's is 9600): metrics at {@code /actuator/prometheus} and the health
 * probes at {@code /actuator/health/{liveness,readiness,startup}}.
 *
 * @param host the address to bind; loopback unless a deployment opens it (Kubernetes probes)
 * @param port 0 picks a free port; negative: no endpoint (metrics are still collected)
 * @param wedgedAfter a processing step running longer than this makes liveness DOWN
 * @param collectMetrics false leaves the processor and journal unobserved (to measure the cost of
 *     metrics); the health probes still work
 */
public record MonitoringConfig(
    String host, int port, Duration wedgedAfter, boolean collectMetrics) {

  public static final int DEFAULT_PORT = 9600;
  public static final Duration DEFAULT_WEDGED_AFTER = Duration.ofSeconds(30);

  public static MonitoringConfig on(int port) {
    return new MonitoringConfig("127.0.0.1", port, DEFAULT_WEDGED_AFTER, true);
  }

  public static MonitoringConfig disabled() {
    return on(-1);
  }

  public MonitoringConfig withHost(String newHost) {
    return new MonitoringConfig(newHost, port, wedgedAfter, collectMetrics);
  }

  public MonitoringConfig withWedgedAfter(Duration newWedgedAfter) {
    return new MonitoringConfig(host, port, newWedgedAfter, collectMetrics);
  }

  public MonitoringConfig withoutMetrics() {
    return new MonitoringConfig(host, port, wedgedAfter, false);
  }
}
