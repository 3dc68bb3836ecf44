package io.orderhub.engine.processing;

import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult.DeployedDecision;
import io.orderhub.engine.api.DeploymentResult.DeployedDecisionRequirements;
import io.orderhub.engine.decision.DecisionEvaluator;
import io.orderhub.engine.decision.DmnResource;
import io.orderhub.engine.model.CalledDecision;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableProcess;
import io.orderhub.engine.record.EngineEvent.DecisionDeployed;
import io.orderhub.engine.record.EngineEvent.DecisionRequirementsDeployed;
import io.orderhub.engine.record.EngineEvent.DeploymentDecisionsLinked;
import io.orderhub.engine.state.DecisionDefinition;
import io.orderhub.engine.state.DecisionRequirementsDefinition;
import io.orderhub.engine.state.DecisionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DMN part of a deployment. Each {@code .dmn} resource is one decision requirements graph
 * (DRG): when its bytes equal the latest version of the graph, the graph and its decisions keep
 * their versions; otherwise the graph gets its next version and each of its decisions the next
 * version of that decision id.
 */
final class DecisionDeployer {

  /** A read DMN resource of the deployment under way. */
  record Dmn(DeployCommand.Resource resource, DmnResource content, String checksum) {}

  /** What a deployment deployed, for its result. */
  record Deployed(
      List<DeployedDecisionRequirements> requirements, List<DeployedDecision> decisions) {}

  private final DecisionEvaluator evaluator;

  DecisionDeployer(DecisionEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  static boolean isDmn(String resourceName) {
    return resourceName.endsWith(".dmn");
  }

  /** Reads a {@code .dmn} resource; null after appending why it cannot be deployed. */
  Dmn read(DeployCommand.Resource resource, StringBuilder errors) {
    DmnResource content = evaluator.read(resource.content());
    if (content.failed()) {
      errors.append("'%s': %s\n".formatted(resource.name(), content.failure()));
      return null;
    }
    return new Dmn(resource, content, DeploymentProcessor.checksum(resource.content()));
  }

  /**
   * Checks what only the whole deployment shows: graph and decision ids unique across its
   * resources, decisions staying in the graph of their earlier versions, and business rule tasks
   * bound to their deployment finding their decision in it.
   */
  void validate(
      ProcessingContext ctx,
      String tenantId,
      List<Dmn> dmns,
      Map<String, List<ExecutableProcess>> processesByResource,
      StringBuilder errors) {
    Map<String, String> graphs = new HashMap<>();
    Map<String, String> decisions = new HashMap<>();
    DecisionState state = ctx.state().decisions();
    for (Dmn dmn : dmns) {
      String name = dmn.resource().name();
      String graph = dmn.content().decisionRequirementsId();
      String other = graphs.putIfAbsent(graph, name);
      if (other != null) {
        errors.append(
            "'%s': duplicated decision requirements id '%s', also in '%s'\n"
                .formatted(name, graph, other));
      }
      for (DmnResource.DecisionInfo decision : dmn.content().decisions()) {
        other = decisions.putIfAbsent(decision.decisionId(), name);
        if (other != null) {
          errors.append(
              "'%s': duplicated decision id '%s', also in '%s'\n"
                  .formatted(name, decision.decisionId(), other));
        }
        Optional<DecisionDefinition> earlier =
            state.latestDecision(decision.decisionId(), tenantId);
        if (earlier.isPresent() && !earlier.get().decisionRequirementsId().equals(graph)) {
          errors.append(
              ("'%s': decision '%s' belongs to decision requirements '%s', but its earlier"
                      + " versions belong to '%s'\n")
                  .formatted(
                      name, decision.decisionId(), graph, earlier.get().decisionRequirementsId()));
        }
      }
    }
    processesByResource.forEach(
        (name, processes) -> {
          for (ExecutableProcess process : processes) {
            for (ExecutableFlowNode node : process.elements().values()) {
              CalledDecision called = node.calledDecision();
              if (called != null
                  && called.binding() == CalledDecision.Binding.DEPLOYMENT
                  && !called.decisionId().isFeel()
                  && !decisions.containsKey(called.decisionId().source())) {
                errors.append(
                    ("'%s':\n- Element: %s\n    - ERROR: Expected to find decision with id '%s'"
                            + " in the same deployment (binding type 'deployment'), but it is"
                            + " not there\n")
                        .formatted(name, node.id(), called.decisionId().source()));
              }
            }
          }
        });
  }

  /** Deploys the read resources of a validated deployment. */
  Deployed deploy(ProcessingContext ctx, long deploymentKey, String tenantId, List<Dmn> dmns) {
    List<DeployedDecisionRequirements> deployedGraphs = new ArrayList<>();
    List<DeployedDecision> deployedDecisions = new ArrayList<>();
    Map<String, Long> decisionKeys = new LinkedHashMap<>();
    DecisionState state = ctx.state().decisions();
    for (Dmn dmn : dmns) {
      DmnResource content = dmn.content();
      Optional<DecisionRequirementsDefinition> latest =
          state.latestRequirements(content.decisionRequirementsId(), tenantId);
      List<DecisionDefinition> decisions;
      DecisionRequirementsDefinition graph;
      if (latest.isPresent() && latest.get().checksum().equals(dmn.checksum())) {
        graph = latest.get();
        decisions = state.decisionsOf(graph.key());
      } else {
        graph = deployGraph(ctx, deploymentKey, tenantId, dmn, latest);
        decisions = new ArrayList<>();
        for (DmnResource.DecisionInfo decision : content.decisions()) {
          decisions.add(deployDecision(ctx, deploymentKey, tenantId, graph, decision));
        }
      }
      deployedGraphs.add(
          new DeployedDecisionRequirements(
              graph.decisionRequirementsId(),
              graph.name(),
              graph.version(),
              graph.key(),
              graph.resourceName(),
              tenantId));
      for (DecisionDefinition decision : decisions) {
        decisionKeys.put(decision.decisionId(), decision.key());
        deployedDecisions.add(
            new DeployedDecision(
                decision.decisionId(),
                decision.name(),
                decision.version(),
                decision.key(),
                decision.decisionRequirementsId(),
                decision.decisionRequirementsKey(),
                tenantId));
      }
    }
    if (!decisionKeys.isEmpty()) {
      ctx.write(new DeploymentDecisionsLinked(deploymentKey, decisionKeys, tenantId));
    }
    return new Deployed(deployedGraphs, deployedDecisions);
  }

  private DecisionRequirementsDefinition deployGraph(
      ProcessingContext ctx,
      long deploymentKey,
      String tenantId,
      Dmn dmn,
      Optional<DecisionRequirementsDefinition> latest) {
    long key = ctx.nextKey();
    ctx.write(
        new DecisionRequirementsDeployed(
            key,
            deploymentKey,
            dmn.content().decisionRequirementsId(),
            dmn.content().decisionRequirementsName(),
            latest.map(g -> g.version() + 1).orElse(1),
            dmn.resource().name(),
            dmn.resource().content(),
            dmn.checksum(),
            tenantId,
            ctx.now()));
    return ctx.state().decisions().requirements(key).orElseThrow();
  }

  private DecisionDefinition deployDecision(
      ProcessingContext ctx,
      long deploymentKey,
      String tenantId,
      DecisionRequirementsDefinition graph,
      DmnResource.DecisionInfo decision) {
    int version =
        ctx.state()
            .decisions()
            .latestDecision(decision.decisionId(), tenantId)
            .map(d -> d.version() + 1)
            .orElse(1);
    long key = ctx.nextKey();
    ctx.write(
        new DecisionDeployed(
            key,
            deploymentKey,
            decision.decisionId(),
            decision.decisionName(),
            version,
            decision.versionTag(),
            graph.key(),
            graph.decisionRequirementsId(),
            tenantId));
    return ctx.state().decisions().decision(key).orElseThrow();
  }
}
