package io.orderhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest under {@code deploy/kubernetes} parses strictly into the Kubernetes model, and
 * both overlays render with kustomize (kubectl's built-in) into manifests that parse strictly too
 * and keep the design's promises: one engine replica with its probes and volume, probes on the app.
 */
class ManifestsTest {

  private static final Path KUBERNETES = Path.of("kubernetes");
  private final StrictManifests manifests = new StrictManifests();

  @Test
  void shouldParseEveryManifestStrictly() throws IOException {
    List<String> problems = new ArrayList<>();
    int documents = 0;
    try (Stream<Path> files = Files.walk(KUBERNETES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (file.getFileName().toString().equals("kustomization.yaml")) {
          continue;
        }
        documents += manifests.parse(file.toString(), Files.readString(file), problems).size();
      }
    }

    assertThat(problems).isEmpty();
    assertThat(documents).isGreaterThan(20);
  }

  @Test
  void shouldCatchAnUnknownField() throws IOException {
    List<String> problems = new ArrayList<>();
    manifests.parse(
        "inline",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: typo
        spec:
          replica: 2
          template:
            spec:
              containers:
                - name: c
                  image: i
                  livenessProbe:
                    httpGet:
                      path: /
                      prot: 80
        """,
        problems);

    assertThat(problems)
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("[replica]"))
        .anySatisfy(p -> assertThat(p).contains("[prot]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void shouldRenderTheOverlay(String overlay) throws Exception {
    String rendered = kustomize(KUBERNETES.resolve("overlays").resolve(overlay));
    List<String> problems = new ArrayList<>();

    List<StrictManifests.Parsed> resources = manifests.parse(overlay, rendered, problems);

    assertThat(problems).isEmpty();
    String namespace = overlay.equals("prod") ? "orderhub" : "orderhub-dev";
    assertThat(resources)
        .allSatisfy(
            r ->
                assertThat(((Map<?, ?>) r.raw().get("metadata")).get("namespace"))
                    .as(r.kind() + "/" + r.name())
                    .isEqualTo(namespace));
    StatefulSet engine = one(resources, StatefulSet.class);
    assertThat(engine.getSpec().getReplicas()).isEqualTo(1);
    Container engineContainer = engine.getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(engineContainer.getLivenessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(engineContainer.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
    assertThat(engineContainer.getStartupProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/startup");
    assertThat(engine.getSpec().getVolumeClaimTemplates()).hasSize(1);
    Deployment app =
        resources.stream()
            .filter(
                r ->
                    r.resource() instanceof Deployment d
                        && d.getMetadata().getName().equals("orderhub-app"))
            .map(r -> (Deployment) r.resource())
            .findFirst()
            .orElseThrow();
    Container appContainer = app.getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(appContainer.getReadinessProbe()).isNotNull();
    assertThat(appContainer.getResources().getLimits()).containsKey("memory");
    assertThat(resources)
        .extracting(StrictManifests.Parsed::kind)
        .contains("ScaledObject", "Cluster", "Kafka", "ServiceMonitor", "NetworkPolicy");
    if (overlay.equals("prod")) {
      Map<?, ?> postgres =
          (Map<?, ?>)
              resources.stream()
                  .filter(r -> r.kind().equals("Cluster"))
                  .findFirst()
                  .orElseThrow()
                  .raw()
                  .get("spec");
      assertThat(postgres.get("instances")).isEqualTo(3);
    } else {
      assertThat(app.getSpec().getReplicas()).isEqualTo(1);
    }
  }

  private static <T> T one(List<StrictManifests.Parsed> resources, Class<T> type) {
    List<T> matching =
        resources.stream()
            .map(StrictManifests.Parsed::resource)
            .filter(type::isInstance)
            .map(type::cast)
            .toList();
    assertThat(matching).hasSize(1);
    return matching.getFirst();
  }

  /**
   * kubectl's built-in kustomize (the standalone binary is reachable from none of the registries
   * this build may use); without kubectl the rendering check is skipped, not faked.
   */
  private static String kustomize(Path overlay) throws Exception {
    Process kubectl;
    try {
      kubectl =
          new ProcessBuilder("kubectl", "kustomize", overlay.toString())
              .redirectErrorStream(false)
              .start();
    } catch (IOException notInstalled) {
      assumeTrue(false, "kubectl is not installed: " + notInstalled.getMessage());
      throw notInstalled;
    }
    String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kubectl.exitValue()).as(err).isZero();
    return out;
  }
}
