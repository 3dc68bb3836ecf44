package io.orderhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link OrderBench}'s command line: {@code --name value}; durations as {@code 15s}, {@code 500ms}.
 */
record OrderBenchOptions(
    Path appJar,
    List<String> transports,
    int clients,
    List<Integer> rates,
    Duration warmup,
    Duration duration,
    Duration drain,
    int maxOutstanding,
    int stock,
    String token,
    Path jfr,
    List<String> appJvmArgs,
    List<String> appArgs,
    boolean peer,
    Duration fsyncProbe,
    Path dataDir,
    Path resultsDir,
    String label) {

  static final String USAGE =
      """
      usage: OrderBench [--app-jar app/target/app.jar] [--transports rest,grpc] [--clients 32]
                        [--rates 100,300 (open loop creates/s; "" for none)] [--warmup 10s]
                        [--duration 30s] [--drain 60s] [--max-outstanding 2000]
                        [--stock 100000000] [--token JWT (default: $ORDERHUB_TOKEN)]
                        [--jfr FILE (the app records a JFR profile)] [--app-jvm-arg ARG]...
                        [--app-arg ARG]... [--peer true] [--fsync-probe 3s]
                        [--data-dir DIR (default: temporary, deleted)]
                        [--results-dir bench/results] [--label SUFFIX]
      """;

  static OrderBenchOptions parse(String[] args) {
    Path appJar = Path.of("app", "target", "app.jar");
    List<String> transports = List.of("rest", "grpc");
    int clients = 32;
    List<Integer> rates = List.of(100, 300);
    Duration warmup = Duration.ofSeconds(10);
    Duration duration = Duration.ofSeconds(30);
    Duration drain = Duration.ofSeconds(60);
    int maxOutstanding = 2000;
    int stock = 100_000_000;
    String token = System.getenv("ORDERHUB_TOKEN");
    Path jfr = null;
    List<String> jvmArgs = new ArrayList<>();
    List<String> appArgs = new ArrayList<>();
    boolean peer = true;
    Duration fsyncProbe = Duration.ofSeconds(3);
    Path dataDir = null;
    Path resultsDir = Path.of("bench", "results");
    String label = "";
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || i + 1 >= args.length) {
        System.err.print(USAGE);
        System.exit(name.equals("--help") ? 0 : 2);
      }
      String value = args[++i];
      switch (name) {
        case "--app-jar" -> appJar = Path.of(value);
        case "--transports" -> transports = List.of(value.split(","));
        case "--clients" -> clients = Integer.parseInt(value);
        case "--rates" ->
            rates =
                value.isBlank()
                    ? List.of()
                    : Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        case "--warmup" -> warmup = duration(value);
        case "--duration" -> duration = duration(value);
        case "--drain" -> drain = duration(value);
        case "--max-outstanding" -> maxOutstanding = Integer.parseInt(value);
        case "--stock" -> stock = Integer.parseInt(value);
        case "--token" -> token = value;
        case "--jfr" -> jfr = Path.of(value);
        case "--app-jvm-arg" -> jvmArgs.add(value);
        case "--app-arg" -> appArgs.add(value);
        case "--peer" -> peer = Boolean.parseBoolean(value);
        case "--fsync-probe" -> fsyncProbe = duration(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--results-dir" -> resultsDir = Path.of(value);
        case "--label" -> label = "-" + value;
        default -> {
          System.err.print("unknown option " + name + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
    for (String transport : transports) {
      if (!transport.equals("rest") && !transport.equals("grpc")) {
        throw new IllegalArgumentException(
            "Expected transports rest or grpc, but got " + transport);
      }
    }
    return new OrderBenchOptions(
        appJar,
        transports,
        clients,
        rates,
        warmup,
        duration,
        drain,
        maxOutstanding,
        stock,
        token,
        jfr,
        List.copyOf(jvmArgs),
        List.copyOf(appArgs),
        peer,
        fsyncProbe,
        dataDir,
        resultsDir,
        label);
  }

  private static Duration duration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    if (text.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    return Duration.parse(text);
  }
}
