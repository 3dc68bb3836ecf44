package io.orderhub.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.engine.EngineMain;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 5: an engine that cannot start exits non-zero instead of lingering as a zombie JVM
 * (the journal's non-daemon flusher thread used to keep it alive).
 */
class EngineStartFailureTest {

  @TempDir Path dir;

  @Test
  void shouldExitNonZeroWhenItsPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));

      Process engine = startEngine(dir.resolve("data"), "--rest-port", "" + taken.getLocalPort());

      assertExitsWithFailure(engine);
    }
  }

  @Test
  void shouldExitNonZeroWhenItsDataDirectoryIsUnusable() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "not a directory");

    Process engine = startEngine(notADirectory, "--rest-port", "0");

    assertExitsWithFailure(engine);
  }

  @Test
  void shouldExitNonZeroWhenItsMonitoringPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));

      Process engine =
          startEngine(
              dir.resolve("data"),
              "--monitoring-port",
              "" + taken.getLocalPort(),
              "--rest-port",
              "0");

      assertExitsWithFailure(engine);
    }
  }

  private Process startEngine(Path dataDir, String... options) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EngineMain.class.getName(),
                "--data-dir",
                dataDir.toString(),
                "--grpc-port",
                "0"));
    if (!List.of(options).contains("--monitoring-port")) {
      command.addAll(List.of("--monitoring-port", "0"));
    }
    command.addAll(List.of(options));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("engine-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  private static void assertExitsWithFailure(Process engine) throws InterruptedException {
    boolean exited = engine.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      engine.destroyForcibly();
    }
    assertThat(exited).as("the engine process exited").isTrue();
    assertThat(engine.exitValue()).isEqualTo(1);
  }
}
