package io.orderhub.bench;

import io.orderhub.bench.EngineBench.Latency;
import io.orderhub.bench.EngineBench.Options;
import io.orderhub.bench.EngineBench.Throughput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Renders a bench run as Markdown. */
final class Report {

  private Report() {}

  static String markdown(
      Options options,
      Path dir,
      double fsyncBefore,
      double fsyncAfter,
      List<Latency> creates,
      List<Throughput> throughputs,
      List<Latency> activations) {
    double rawFsync = (fsyncBefore + fsyncAfter) / 2;
    StringBuilder out = new StringBuilder();
    line(out, "# Order Hub engine bench — %s", LocalDate.now());
    line(out, "");
    line(out, "Machine: %s.", machine(dir));
    line(
        out,
        "Settings: %d instances in flight, %s warm-up + %s measured per throughput run, %d"
            + " sequential creates, %d activation samples at %d jobs/s.",
        options.inflight(),
        options.warmup(),
        options.duration(),
        options.createSamples(),
        options.latencySamples(),
        options.latencyRate());
    line(out, "");
    line(out, "## Fsync yardstick (same disk, same run)");
    line(out, "");
    line(out, "| raw `FileChannel.force(false)` after a 128-byte write | fsyncs/s |");
    line(out, "|---|---:|");
    line(out, "| before the engine runs | %,.0f |", fsyncBefore);
    line(out, "| after the engine stopped | %,.0f |", fsyncAfter);
    line(out, "| mean, used for the ratios below | %,.0f |", rawFsync);
    line(out, "");
    line(out, "## Throughput: completed process instances/s");
    line(out, "");
    line(
        out,
        "| process | client, job workers | PI/s | jobs/s | create ack p50 | create ack p99 |"
            + " start→end p50 | start→end p99 | engine fsyncs/s | fsyncs per PI |"
            + " engine fsyncs/s ÷ raw | PI/s ÷ raw fsyncs/s | errors |");
    line(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Throughput t : throughputs) {
      line(
          out,
          "| %s | %s | %,.0f | %,.0f | %s | %s | %s | %s | %,.0f | %.2f | %.2f | %.2f | %d |",
          t.process(),
          t.rest() ? "REST, polling" : "gRPC, streaming",
          t.instancesPerSecond(),
          t.instancesPerSecond() * t.jobsPerInstance(),
          ms(t.createLatency().quantileMillis(0.5)),
          ms(t.createLatency().quantileMillis(0.99)),
          ms(t.cycleTime().quantileMillis(0.5)),
          ms(t.cycleTime().quantileMillis(0.99)),
          t.fsyncsPerSecond(),
          t.fsyncsPerSecond() / t.instancesPerSecond(),
          t.fsyncsPerSecond() / rawFsync,
          t.instancesPerSecond() / rawFsync,
          t.failures());
    }
    line(out, "");
    line(out, "## Create-instance acknowledgement, one request at a time (start → end process)");
    line(out, "");
    table(out, "client", creates);
    line(out, "");
    line(
        out,
        "## Job activation latency: job creation durable → worker handler invoked (gRPC, %d jobs/s)",
        options.latencyRate());
    line(out, "");
    table(out, "activation", activations);
    return out.toString();
  }

  private static void table(StringBuilder out, String what, List<Latency> rows) {
    line(out, "| %s | p50 | p99 | samples |", what);
    line(out, "|---|---:|---:|---:|");
    for (Latency row : rows) {
      line(
          out,
          "| %s | %s | %s | %d |",
          row.label(),
          ms(row.samples().quantileMillis(0.5)),
          ms(row.samples().quantileMillis(0.99)),
          row.samples().size());
    }
  }

  private static String ms(double millis) {
    return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.2f ms", millis);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private static String machine(Path dir) {
    String cpu = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .findFirst()
              .map(m -> m + ", ")
              .orElse("");
    } catch (IOException | RuntimeException e) {
      // not Linux: the core count and OS still say something
    }
    String store;
    try {
      var fileStore = Files.getFileStore(dir);
      store = fileStore.type() + " on " + fileStore.name();
    } catch (IOException e) {
      store = "unknown file system";
    }
    return String.format(
        Locale.ROOT,
        "%d cores (%s%s %s %s), %s %s, data on %s",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        store);
  }
}
