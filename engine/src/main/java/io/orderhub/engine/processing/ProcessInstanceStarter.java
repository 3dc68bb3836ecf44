package io.orderhub.engine.processing;

import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.record.EngineEvent.ElementActivated;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ProcessDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts process instances: the process element activates, the creation variables go to its root
 * scope, then the start element(s) activate — the none start event, the start event a message,
 * timer or signal fired, or the elements of start instructions.
 */
final class ProcessInstanceStarter {

  private final ElementTransitions transitions;
  private final VariableBehavior variables;

  ProcessInstanceStarter(ElementTransitions transitions, VariableBehavior variables) {
    this.transitions = transitions;
    this.variables = variables;
  }

  long start(
      ProcessingContext ctx,
      ProcessDefinition process,
      List<ExecutableFlowNode> startElements,
      Map<String, Object> vars,
      String businessId,
      Set<String> tags) {
    return start(ctx, process, startElements, vars, businessId, tags, 0);
  }

  /** Starts an instance; {@code parentElementInstanceKey} is the calling call activity, or 0. */
  long start(
      ProcessingContext ctx,
      ProcessDefinition process,
      List<ExecutableFlowNode> startElements,
      Map<String, Object> vars,
      String businessId,
      Set<String> tags,
      long parentElementInstanceKey) {
    long key = ctx.nextKey();
    ctx.write(
        new ElementActivating(
            key,
            key,
            -1,
            process.key(),
            process.bpmnProcessId(),
            io.orderhub.engine.model.BpmnElementType.PROCESS,
            businessId,
            tags == null ? Set.of() : Set.copyOf(tags),
            process.tenantId(),
            parentElementInstanceKey));
    if (vars != null && !vars.isEmpty()) {
      variables.setLocal(ctx, key, key, vars);
    }
    ElementInstance activating = ctx.state().requireElementInstance(key);
    if (!transitions.subscribeEventTriggers(
        ctx, activating, ctx.state().executable(process.key()).root())) {
      return key;
    }
    ctx.write(new ElementActivated(key));
    ElementInstance instance = ctx.state().requireElementInstance(key);
    for (ExecutableFlowNode start : startElements) {
      transitions.activate(ctx, start, instance);
    }
    return key;
  }
}
