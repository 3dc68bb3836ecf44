package io.orderhub.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.security.EngineCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI end to end in a real browser: an engine serving it on a free port, and the operate
 * module's Playwright script ({@code npm run e2e}, Debian's Chromium) driving it. The script's
 * report and screenshots land in {@code operate/target/}.
 */
class OperateBrowserTest {

  private static final Path OPERATE = Path.of("..", "operate").toAbsolutePath().normalize();

  @TempDir Path dataDir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void shouldPassTheBrowserScenarios() throws Exception {
    assertThat(OPERATE.resolve("node_modules/playwright-core"))
        .as("operate/node_modules (built by the operate module's npm ci)")
        .isDirectory();
    assertThat(Path.of("/usr/bin/chromium"))
        .as("Chromium for Playwright: apt-get install -y chromium (.ci/run installs it)")
        .exists();
    try (Engine engine =
        Engine.start(
            EngineConfig.defaults(dataDir)
                .withPorts(0, 0)
                .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()))) {
      Path log = OPERATE.resolve("target/e2e.log");
      Files.createDirectories(log.getParent());
      int exit = runE2e("http://localhost:" + engine.restPort(), log);

      String report = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(report);
      assertThat(exit).as("npm run e2e exit code; its output:\n%s", report).isZero();
      assertThat(report).contains("0 failed");
    }
  }

  private static int runE2e(String engineUrl, Path log) throws IOException, InterruptedException {
    ProcessBuilder npm =
        new ProcessBuilder("npm", "run", "--silent", "e2e")
            .directory(OPERATE.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    npm.environment().put("ENGINE_URL", engineUrl);
    // the browser logs in as the test admin; the script checks first that no login is refused
    npm.environment().put("ENGINE_USER", EngineCredentials.TEST_ADMIN.username());
    npm.environment().put("ENGINE_PASSWORD", EngineCredentials.TEST_ADMIN.password());
    npm.environment()
        .put("SCREENSHOT_DIR", OPERATE.resolve("target/screenshots").toAbsolutePath().toString());
    Process process = npm.start();
    if (!process.waitFor(8, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("npm run e2e did not finish in 8 minutes; see " + log);
    }
    return process.exitValue();
  }
}
