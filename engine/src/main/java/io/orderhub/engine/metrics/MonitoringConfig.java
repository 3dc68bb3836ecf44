package io.orderhub.engine.metrics;

import java.time.Duration;

/**
 * The monitoring endpoint (Zeebe's is 9600): metrics at {@code /actuator/prometheus} and the health
 * probes at {@code /actuator/health/{liveness,readiness,startup}}.
 *
 * @param host the address to bind; loopback unless a deployment opens it (Kubernetes probes)
 * @param port 0 picks a free port; negative: no endpoint (metrics are still collected)
 * @param wedgedAfter a processing step running longer than this makes liveness DOWN
 */
public record MonitoringConfig(String host, int port, Duration wedgedAfter) {

  public static final int DEFAULT_PORT = 9600;
  public static final Duration DEFAULT_WEDGED_AFTER = Duration.ofSeconds(30);

  public static MonitoringConfig on(int port) {
    return new MonitoringConfig("127.0.0.1", port, DEFAULT_WEDGED_AFTER);
  }

  public static MonitoringConfig disabled() {
    return on(-1);
  }

  public MonitoringConfig withHost(String newHost) {
    return new MonitoringConfig(newHost, port, wedgedAfter);
  }

  public MonitoringConfig withWedgedAfter(Duration newWedgedAfter) {
    return new MonitoringConfig(host, port, newWedgedAfter);
  }
}
