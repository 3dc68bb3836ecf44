package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.CallDefinition;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import io.orderhub.engine.state.ProcessDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A call activity starts a child process instance and completes when the child completes. The child
 * gets all variables visible at the call activity (or only its input mappings when
 * propagateAllParentVariables is off) and hands back all its variables (or only the output
 * mappings' results when propagateAllChildVariables is off). Terminating the call activity
 * terminates the child.
 */
final class CallActivityBehavior implements ElementBehavior {

  private final ElementBehaviors.Shared shared;

  CallActivityBehavior(ElementBehaviors.Shared shared) {
    this.shared = shared;
  }

  @Override
  public void onActivate(ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    CallDefinition call = node.call();
    Evaluation processId = shared.variables().evaluate(ctx, call.processId(), instance.key());
    if (processId.failed()) {
      shared
          .incidents()
          .raise(
              ctx,
              instance,
              "EXTRACT_VALUE_ERROR",
              processId.failure(),
              IncidentBehavior.STEP_ACTIVATE);
      return;
    }
    String id = String.valueOf(processId.value());
    Optional<ProcessDefinition> called = resolve(ctx, instance, call, id);
    ExecutableFlowNode start =
        called.map(p -> ctx.state().executable(p.key()).noneStartEvent()).orElse(null);
    if (start == null) {
      shared
          .incidents()
          .raise(
              ctx,
              instance,
              "CALLED_ELEMENT_ERROR",
              called.isEmpty()
                  ? "Expected process with BPMN process id '%s' to be deployed, but not found."
                      .formatted(id)
                  : "Expected process '%s' to have a none start event, but it has none."
                      .formatted(id),
              IncidentBehavior.STEP_ACTIVATE);
      return;
    }
    shared.transitions().markActivated(ctx, instance);
    Map<String, Object> vars =
        call.propagateAllParentVariables()
            ? shared.variables().visible(ctx, instance.key())
            : locals(ctx, instance.key());
    shared.starter().start(ctx, called.get(), List.of(start), vars, null, Set.of(), instance.key());
  }

  private static Optional<ProcessDefinition> resolve(
      ProcessingContext ctx, ElementInstance instance, CallDefinition call, String id) {
    if ("deployment".equals(call.binding())) {
      long deploymentKey =
          ctx.state().process(instance.processDefinitionKey()).orElseThrow().deploymentKey();
      return ctx.state().processes().stream()
          .filter(p -> p.deploymentKey() == deploymentKey && p.bpmnProcessId().equals(id))
          .findFirst();
    }
    if ("versionTag".equals(call.binding())) {
      return ctx.state().processes().stream()
          .filter(p -> p.bpmnProcessId().equals(id) && p.tenantId().equals(instance.tenantId()))
          .filter(p -> call.versionTag().equals(ctx.state().executable(p.key()).versionTag()))
          .max(java.util.Comparator.comparingInt(ProcessDefinition::version));
    }
    return ctx.state().latestProcess(id, instance.tenantId());
  }

  @Override
  public void onTerminate(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    ctx.state()
        .calledInstance(instance.key())
        .ifPresent(child -> shared.transitions().terminate(ctx, child));
  }

  /** A called instance is completing: its call activity takes its variables and completes. */
  static void childCompleted(
      ProcessingContext ctx, ElementBehaviors.Shared shared, ElementInstance child) {
    Map<String, Object> vars = shared.variables().visible(ctx, child.key());
    ctx.followUp(
        () -> {
          ElementInstance parent =
              ctx.state().elementInstance(child.parentElementInstanceKey()).orElse(null);
          if (parent == null || parent.lifecycle() != Lifecycle.ACTIVATED) {
            return;
          }
          ExecutableFlowNode node = shared.transitions().node(ctx.state(), parent);
          if (!node.outputs().isEmpty()) {
            shared.variables().setLocal(ctx, parent.key(), parent.processInstanceKey(), vars);
          } else if (node.call().propagateAllChildVariables()) {
            shared.variables().propagate(ctx, parent.key(), parent.processInstanceKey(), vars);
          }
          shared.transitions().complete(ctx, parent);
        });
  }

  private static Map<String, Object> locals(ProcessingContext ctx, long scopeKey) {
    Map<String, Object> values = new LinkedHashMap<>();
    ctx.state().localVariables(scopeKey).forEach((name, v) -> values.put(name, v.value()));
    return values;
  }
}
