package io.orderhub.app.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys the process models found on the classpath ({@code orderhub.process.deployment.resources},
 * by default {@code bpmn/**}{@code /*.bpmn} and {@code *.dmn} — where the {@code bpmn} module puts
 * them) in one deployment. Until a deployment succeeded, every call tries again; afterwards calls
 * return at once.
 *
 * <p>Versions are governed by tag: a resource whose processes and decisions all carry a {@code
 * zeebe:versionTag} is deployed only while one of its (id, tag) pairs has not been deployed before
 * ({@link ModelVersions}). So a version an analyst deployed after ours is not replaced by the
 * bundled one at the next start; a new bundled release (a new tag) is deployed and becomes the
 * latest. An untagged resource is deployed at every start, and the engine gives it a new version
 * only when its bytes changed.
 *
 * <p>Thread-safe.
 */
public class ProcessDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

  private final CamundaClient client;
  private final ResourcePatternResolver resolver;
  private final ProcessProperties.Deployment settings;
  private final ModelVersions versions;
  private volatile boolean done;

  public ProcessDeployer(
      CamundaClient client,
      ResourcePatternResolver resolver,
      ProcessProperties properties,
      ModelVersions versions) {
    this.client = client;
    this.resolver = resolver;
    this.versions = versions;
    this.settings = properties.deployment();
    this.done = !settings.enabled();
  }

  /**
   * @return true when the models are deployed (now or before), or there is nothing to deploy
   */
  public synchronized boolean ensureDeployed() {
    if (done) {
      return true;
    }
    Map<String, byte[]> found = models();
    if (found.isEmpty()) {
      LOG.info("No process models found under {}; nothing to deploy", settings.resources());
      done = true;
      return true;
    }
    Map<String, byte[]> models = new TreeMap<>();
    Map<String, TaggedModel> tagged = new TreeMap<>();
    for (Map.Entry<String, byte[]> model : found.entrySet()) {
      TaggedModel read = TaggedModel.read(model.getKey(), model.getValue());
      if (read.fullyTagged()) {
        tagged.put(model.getKey(), read);
        if (read.definitions().stream()
            .allMatch(d -> versions.isDeployed(d.id(), d.versionTag()))) {
          continue;
        }
      }
      models.put(model.getKey(), model.getValue());
    }
    if (models.isEmpty()) {
      LOG.info(
          "Bundled models {} are deployed at their version tags already; the engine's latest"
              + " versions stay as they are",
          found.keySet());
      done = true;
      return true;
    }
    try {
      DeployResourceCommandStep1.DeployResourceCommandStep2 command = null;
      for (Map.Entry<String, byte[]> model : models.entrySet()) {
        command =
            command == null
                ? client
                    .newDeployResourceCommand()
                    .addResourceBytes(model.getValue(), model.getKey())
                : command.addResourceBytes(model.getValue(), model.getKey());
      }
      DeploymentEvent deployment = command.send().join();
      record(deployment, tagged);
      LOG.info(
          "Deployed {} ({} processes, deployment key {})",
          models.keySet(),
          deployment.getProcesses().size(),
          deployment.getKey());
      done = true;
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Could not deploy {} yet: {}", models.keySet(), EngineErrors.describe(e));
      return false;
    }
  }

  private void record(DeploymentEvent deployment, Map<String, TaggedModel> tagged) {
    Map<String, String> tags = new TreeMap<>();
    tagged.values().forEach(m -> m.definitions().forEach(d -> tags.put(d.id(), d.versionTag())));
    for (Process process : deployment.getProcesses()) {
      String tag = tags.get(process.getBpmnProcessId());
      if (tag != null) {
        versions.recordDeployed(
            process.getBpmnProcessId(),
            tag,
            "process",
            process.getVersion(),
            process.getProcessDefinitionKey());
      }
    }
    for (Decision decision : deployment.getDecisions()) {
      String tag = tags.get(decision.getDmnDecisionId());
      if (tag != null) {
        versions.recordDeployed(
            decision.getDmnDecisionId(),
            tag,
            "decision",
            decision.getVersion(),
            decision.getDecisionKey());
      }
    }
  }

  public boolean isDeployed() {
    return done;
  }

  /** File name to bytes, sorted by name, so the same models always make the same deployment. */
  private Map<String, byte[]> models() {
    Map<String, byte[]> models = new TreeMap<>();
    List<String> duplicates = new ArrayList<>();
    for (String pattern : settings.resources()) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          if (!resource.isReadable() || resource.getFilename() == null) {
            continue;
          }
          try (InputStream in = resource.getInputStream()) {
            byte[] previous = models.put(resource.getFilename(), in.readAllBytes());
            if (previous != null) {
              duplicates.add(resource.getFilename());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Expected to read the process models " + pattern, e);
      }
    }
    if (!duplicates.isEmpty()) {
      LOG.warn(
          "Process models found more than once on the classpath, last one wins: {}", duplicates);
    }
    return models;
  }
}
