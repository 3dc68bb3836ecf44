package io.orderhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./orderhub run} builds only when a source changed after the jar was built. Runs the real
 * script in a scratch copy of the layout, with a Maven wrapper and a {@code java} that only say
 * they were called.
 */
class OrderhubScriptTest {

  @TempDir Path root;

  @Test
  void shouldStartWithoutABuildWhenTheJarIsNewerThanTheSources() throws Exception {
    layout();
    Instant built = Instant.now();
    Files.setLastModifiedTime(root.resolve("app/target/app.jar"), FileTime.from(built));

    assertThat(run()).contains("java -jar app/target/app.jar").doesNotContain("mvnw");
  }

  @Test
  void shouldBuildWhenASourceIsNewerThanTheJar() throws Exception {
    layout();
    Instant built = Instant.now().minusSeconds(60);
    Files.setLastModifiedTime(root.resolve("app/target/app.jar"), FileTime.from(built));
    Files.setLastModifiedTime(
        root.resolve("domain/src/main/java/Order.java"), FileTime.from(built.plusSeconds(1)));

    assertThat(run()).contains("mvnw -B -q -DskipTests -Dquick -pl app -am package");
  }

  @Test
  void shouldBuildWhenAsked() throws Exception {
    layout();

    assertThat(run(Map.of("ORDERHUB_REBUILD", "1"))).contains("mvnw");
  }

  private void layout() throws IOException {
    Files.copy(Path.of("..", "orderhub"), root.resolve("orderhub"));
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve(".ci"));
    Files.writeString(root.resolve(".ci/java-home.sh"), "export PATH=\"" + bin + ":$PATH\"\n");
    script(root.resolve("mvnw"), "echo \"mvnw $*\" >> calls.log");
    script(bin.resolve("java"), "echo \"java $*\" >> calls.log");
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    for (String module :
        new String[] {"engine", "domain", "workers", "compensation", "bpmn", "app"}) {
      Files.createDirectories(root.resolve(module + "/src/main/java"));
      Files.writeString(root.resolve(module + "/pom.xml"), "<project/>");
    }
    Files.writeString(root.resolve("domain/src/main/java/Order.java"), "class Order {}");
    Files.createDirectories(root.resolve("app/target"));
    Files.writeString(root.resolve("app/target/app.jar"), "jar");
    Instant old = Instant.now().minusSeconds(3600);
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, FileTime.from(old));
      }
    }
  }

  private String run() throws Exception {
    return run(Map.of());
  }

  private String run(Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("orderhub").toString(), "run")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("out.log").toFile());
    builder.environment().remove("ORDERHUB_REBUILD");
    builder.environment().putAll(env);
    int exit = builder.start().waitFor();
    assertThat(exit).as(Files.readString(root.resolve("out.log"))).isZero();
    return Files.readString(root.resolve("calls.log"));
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
