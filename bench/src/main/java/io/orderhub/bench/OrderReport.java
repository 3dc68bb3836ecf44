package io.orderhub.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an {@link OrderBench} run as Markdown. */
final class OrderReport {

  private OrderReport() {}

  static String markdown(
      OrderBenchOptions options,
      String command,
      List<OrderBench.RunFigures> runs,
      List<EngineBench.Throughput> peers,
      double fsyncBefore,
      double fsyncAfter) {
    double rawFsync = (fsyncBefore + fsyncAfter) / 2;
    double peerRest =
        peers.stream()
            .filter(EngineBench.Throughput::rest)
            .mapToDouble(EngineBench.Throughput::instancesPerSecond)
            .findFirst()
            .orElse(Double.NaN);
    StringBuilder out = new StringBuilder();
    line(out, "# Order bench — %s", LocalDate.now());
    line(out, "");
    line(out, "```");
    line(out, "%s", command);
    line(out, "```");
    line(out, "");
    line(
        out,
        "%d cores, %s %s; %s warm-up + %s measured per run; load average (1/5/15 min) at the"
            + " start and end of each run in the table.",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        options.warmup(),
        options.duration());
    line(out, "");
    line(out, "## Same-run peers");
    line(out, "");
    line(out, "| peer | figure |");
    line(out, "|---|---:|");
    line(
        out,
        "| raw fsyncs/s before / after (mean) | %,.0f / %,.0f (%,.0f) |",
        fsyncBefore,
        fsyncAfter,
        rawFsync);
    for (EngineBench.Throughput peer : peers) {
      line(
          out,
          "| bare engine PI/s, %s, %s, %d in flight | %,.0f (create ack p99 %s) |",
          peer.process(),
          peer.rest() ? "REST polling (as the app's workers)" : "gRPC streaming",
          Math.max(1, options.clients()),
          peer.instancesPerSecond(),
          ms(peer.createLatency().quantileMillis(0.99)));
    }
    line(out, "");
    line(out, "## Order API");
    line(out, "");
    line(
        out,
        "| transport | load | creates/s | create p50 | p99 | p999 | errors | DISPATCHED/s |"
            + " create→DISPATCHED p50 | p99 | not dispatched | DISPATCHED/s ÷ bare-engine PI/s (REST) |"
            + " creates/s ÷ raw fsyncs/s | load average start → end |");
    line(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (OrderBench.RunFigures f : runs) {
      LoadRun.Result r = f.run();
      line(
          out,
          "| %s | %s | %,.0f | %s | %s | %s | %d | %,.0f | %s | %s | %d | %.2f | %.3f | %s → %s |",
          r.transport(),
          r.mode(),
          r.createsPerSecond(),
          ms(r.createLatency().quantileMillis(0.5)),
          ms(r.createLatency().quantileMillis(0.99)),
          ms(r.createLatency().quantileMillis(0.999)),
          r.errors(),
          f.dispatchedPerSecond(),
          ms(f.toDispatched().quantileMillis(0.5)),
          ms(f.toDispatched().quantileMillis(0.99)),
          f.notDispatched(),
          f.dispatchedPerSecond() / peerRest,
          r.createsPerSecond() / rawFsync,
          r.loadBefore(),
          r.loadAfter());
    }
    line(out, "");
    line(out, "States of the measured orders at the end of each run, and the first error:");
    line(out, "");
    for (OrderBench.RunFigures f : runs) {
      line(
          out,
          "- %s %s: %s%s",
          f.run().transport(),
          f.run().mode(),
          f.states().entrySet().stream()
              .sorted(java.util.Map.Entry.comparingByKey())
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", ")),
          f.run().firstError() == null ? "" : "; first error: " + f.run().firstError());
    }
    return out.toString();
  }

  private static String ms(double millis) {
    return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.0f ms", millis);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
