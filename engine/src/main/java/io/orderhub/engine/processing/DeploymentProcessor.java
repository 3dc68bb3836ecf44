package io.orderhub.engine.processing;

import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.DeploymentResult.DeployedProcess;
import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.feel.FeelEvaluator;
import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableProcess;
import io.orderhub.engine.model.ProcessModelReader;
import io.orderhub.engine.model.ProcessModelReader.ReadResult;
import io.orderhub.engine.model.ValidationError;
import io.orderhub.engine.record.EngineEvent.ProcessDeployed;
import io.orderhub.engine.record.EngineEvent.TimerCanceled;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import io.orderhub.engine.state.ProcessDefinition;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys BPMN resources, and DMN resources through {@link DecisionDeployer}. A deployment is
 * accepted whole or rejected whole; a process whose resource bytes equal its latest version's keeps
 * that version, changed bytes get the next one. Timer start events of the new latest version are
 * scheduled, those of the version it replaces are cancelled.
 */
final class DeploymentProcessor {

  private final ProcessModelReader reader;
  private final FeelEvaluator feel;
  private final DecisionDeployer decisions;

  private final EngineLimits limits;

  DeploymentProcessor(
      ProcessModelReader reader,
      FeelEvaluator feel,
      DecisionDeployer decisions,
      EngineLimits limits) {
    this.limits = limits;
    this.reader = reader;
    this.feel = feel;
    this.decisions = decisions;
  }

  /**
   * What can be checked without the state: sizes, XML, design-time rules, FEEL. It is the bulk of a
   * deployment's work (seconds for thousands of resources or elements), so it runs off the
   * processing thread; {@link #deploy} then only versions and writes.
   */
  Prepared prepare(DeployCommand command) {
    if (command.resources() == null || command.resources().isEmpty()) {
      throw Rejections.invalidArgument("Expected to deploy at least one resource, but none given");
    }
    long totalBytes = 0;
    for (DeployCommand.Resource resource : command.resources()) {
      totalBytes += resource.content() == null ? 0 : resource.content().length;
    }
    if (totalBytes > limits.maxDeploymentBytes()) {
      throw Rejections.invalidArgument(
          "Expected a deployment of at most %d bytes (the maximum message size), but its %d resources have %d bytes together; deploy them in smaller deployments",
          limits.maxDeploymentBytes(), command.resources().size(), totalBytes);
    }
    List<ParsedResource> parsed = new ArrayList<>();
    StringBuilder errors = new StringBuilder();
    Set<String> processIds = new HashSet<>();
    List<DecisionDeployer.Dmn> dmns = new ArrayList<>();
    for (DeployCommand.Resource resource : command.resources()) {
      String name = resource.name();
      String badName = ResourceNames.problem(name);
      if (badName != null) {
        errors.append("'%s': %s\n".formatted(ResourceNames.printable(name), badName));
        continue;
      }
      if (DecisionDeployer.isDmn(name)) {
        DecisionDeployer.Dmn dmn = decisions.read(resource, errors);
        if (dmn != null) {
          dmns.add(dmn);
        }
        continue;
      }
      if (!(name.endsWith(".bpmn") || name.endsWith(".xml"))) {
        errors.append(
            "'%s': resource type is not supported (only BPMN: .bpmn, .xml; DMN: .dmn)\n"
                .formatted(name));
        continue;
      }
      ReadResult result = reader.read(resource.content());
      if (result.failed()) {
        errors.append("'%s':\n".formatted(name));
        for (ValidationError error : result.errors()) {
          errors.append(
              "- Element: %s\n    - ERROR: %s\n".formatted(error.elementId(), error.reason()));
        }
        continue;
      }
      for (ExecutableProcess process : result.processes()) {
        if (!processIds.add(process.bpmnProcessId())) {
          errors.append(
              "'%s': duplicated process id '%s' in this deployment\n"
                  .formatted(name, process.bpmnProcessId()));
        }
      }
      parsed.add(new ParsedResource(resource, result.processes(), checksum(resource.content())));
    }
    long recordBytes = 0;
    for (ParsedResource resource : parsed) {
      // every deployed process carries its resource, as Zeebe's process records do
      recordBytes += (long) resource.resource().content().length * resource.processes().size();
    }
    if (recordBytes > limits.maxBatchBytes()) {
      errors.append(
          "Expected the deployment's records to fit in %d bytes (the maximum batch size), but its processes carry %d bytes of resources (each process record holds its whole resource); split resources with many processes\n"
              .formatted(limits.maxBatchBytes(), recordBytes));
    }
    return new Prepared(command, parsed, dmns, errors.toString());
  }

  /** A deployment checked by {@link #prepare}, to be versioned and written. */
  record Prepared(
      DeployCommand command,
      List<ParsedResource> parsed,
      List<DecisionDeployer.Dmn> dmns,
      String errors) {}

  DeploymentResult deploy(ProcessingContext ctx, Prepared prepared) {
    DeployCommand command = prepared.command();
    List<ParsedResource> parsed = prepared.parsed();
    List<DecisionDeployer.Dmn> dmns = prepared.dmns();
    StringBuilder errors = new StringBuilder(prepared.errors());
    for (ParsedResource resource : parsed) {
      for (ExecutableProcess process : resource.processes()) {
        for (ExecutableFlowNode start : process.startEvents(EventType.TIMER)) {
          String failure = startTimer(ctx, start).failure();
          if (failure != null) {
            errors.append(
                "'%s':\n- Element: %s\n    - ERROR: %s\n"
                    .formatted(resource.resource().name(), start.id(), failure));
          }
        }
      }
    }
    Map<String, List<ExecutableProcess>> processesByResource = new LinkedHashMap<>();
    parsed.forEach(p -> processesByResource.put(p.resource().name(), p.processes()));
    decisions.validate(ctx, command.tenantId(), dmns, processesByResource, errors);
    if (!errors.isEmpty()) {
      throw Rejections.invalidArgument(
          "Expected to deploy new resources, but encountered the following errors:\n%s",
          errors.toString().stripTrailing());
    }
    String tenantId = command.tenantId();
    long deploymentKey = ctx.nextKey();
    List<DeployedProcess> deployed = new ArrayList<>();
    for (ParsedResource resource : parsed) {
      for (ExecutableProcess process : resource.processes()) {
        Optional<ProcessDefinition> latest =
            ctx.state().latestProcess(process.bpmnProcessId(), tenantId);
        if (latest.isPresent() && latest.get().checksum().equals(resource.checksum())) {
          ProcessDefinition same = latest.get();
          deployed.add(
              new DeployedProcess(
                  same.bpmnProcessId(), same.version(), same.key(), same.resourceName(), tenantId));
          continue;
        }
        int version = latest.map(p -> p.version() + 1).orElse(1);
        long key = ctx.nextKey();
        ctx.write(
            new ProcessDeployed(
                key,
                deploymentKey,
                process.bpmnProcessId(),
                version,
                resource.resource().name(),
                resource.resource().content(),
                resource.checksum(),
                tenantId,
                ctx.now()));
        latest.ifPresent(previous -> cancelStartTimers(ctx, previous.key()));
        scheduleStartTimers(ctx, key, process);
        deployed.add(
            new DeployedProcess(
                process.bpmnProcessId(), version, key, resource.resource().name(), tenantId));
      }
    }
    DecisionDeployer.Deployed deployedDecisions =
        decisions.deploy(ctx, deploymentKey, tenantId, dmns);
    return new DeploymentResult(
        deploymentKey,
        tenantId,
        deployed,
        deployedDecisions.requirements(),
        deployedDecisions.decisions());
  }

  private void cancelStartTimers(ProcessingContext ctx, long processDefinitionKey) {
    ctx.state()
        .startEventTimers(processDefinitionKey)
        .forEach(timer -> ctx.write(new TimerCanceled(timer.key())));
  }

  private void scheduleStartTimers(
      ProcessingContext ctx, long processDefinitionKey, ExecutableProcess process) {
    for (ExecutableFlowNode start : process.startEvents(EventType.TIMER)) {
      TimerSchedule schedule = startTimer(ctx, start).schedule();
      ctx.write(
          new TimerCreated(
              ctx.nextKey(),
              -1,
              -1,
              processDefinitionKey,
              start.id(),
              schedule.dueDate(),
              schedule.repetitions(),
              schedule.interval()));
    }
  }

  /** A start timer has no instance variables: its expression is evaluated without any. */
  private StartTimer startTimer(ProcessingContext ctx, ExecutableFlowNode start) {
    Evaluation value = feel.evaluate(start.timer().expression(), Map.of());
    if (value.failed()) {
      return new StartTimer(null, value.failure());
    }
    try {
      return new StartTimer(TimerSchedule.of(start.timer().kind(), value.value(), ctx.now()), null);
    } catch (IllegalArgumentException e) {
      return new StartTimer(null, e.getMessage());
    }
  }

  private record StartTimer(TimerSchedule schedule, String failure) {}

  static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected SHA-256 to be available, but it is not", e);
    }
  }

  record ParsedResource(
      DeployCommand.Resource resource, List<ExecutableProcess> processes, String checksum) {}
}
