package io.orderhub.engine.processing;

import io.orderhub.engine.api.ConditionalEvaluated;
import io.orderhub.engine.api.ConditionalEvaluated.StartedInstance;
import io.orderhub.engine.api.EvaluateConditionalCommand;
import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.state.EngineState.StartEventRef;
import io.orderhub.engine.state.ProcessDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EvaluateConditional (Camunda 8.9): root-level conditional start events are evaluated against the
 * request's variables only (there is no instance yet), and each one whose condition is true starts
 * an instance with those variables — several per definition when several start events hold. All
 * conditions are evaluated before anything is written, so a condition that fails to evaluate
 * rejects the request whole instead of starting some instances and not others.
 */
final class ConditionalStartProcessor {

  private final ProcessInstanceStarter starter;
  private final VariableBehavior variables;

  ConditionalStartProcessor(ProcessInstanceStarter starter, VariableBehavior variables) {
    this.starter = starter;
    this.variables = variables;
  }

  ConditionalEvaluated evaluate(ProcessingContext ctx, EvaluateConditionalCommand command) {
    Map<String, Object> vars = command.variables() == null ? Map.of() : command.variables();
    List<StartEventRef> triggered = new ArrayList<>();
    for (StartEventRef candidate : candidates(ctx, command)) {
      ExecutableFlowNode start = candidate.startEvent();
      Evaluation result = variables.evaluate(start.condition(), vars);
      if (result.failed()) {
        throw Rejections.invalidArgument(
            "Expected to evaluate the condition of start event '%s' of process '%s', but %s",
            start.id(), candidate.process().bpmnProcessId(), result.failure());
      }
      if (Boolean.TRUE.equals(result.value())) {
        triggered.add(candidate);
      }
    }
    long key = ctx.nextKey();
    long definitionKey = command.processDefinitionKey() > 0 ? command.processDefinitionKey() : -1;
    ctx.write(new EngineEvent.ConditionalEvaluated(key, definitionKey, vars, command.tenantId()));
    List<StartedInstance> started = new ArrayList<>();
    for (StartEventRef ref : triggered) {
      long instanceKey =
          starter.start(ctx, ref.process(), List.of(ref.startEvent()), vars, null, Set.of());
      started.add(new StartedInstance(ref.process().key(), instanceKey));
    }
    return new ConditionalEvaluated(key, command.tenantId(), started);
  }

  private static List<StartEventRef> candidates(
      ProcessingContext ctx, EvaluateConditionalCommand command) {
    if (command.processDefinitionKey() > 0) {
      ProcessDefinition process =
          ctx.state()
              .process(command.processDefinitionKey())
              .filter(p -> p.tenantId().equals(command.tenantId()))
              .orElseThrow(
                  () ->
                      Rejections.notFound(
                          "Expected to evaluate conditional start events of process definition"
                              + " with key '%d', but no such process definition was found",
                          command.processDefinitionKey()));
      return ctx.state().executable(process.key()).startEvents(EventType.CONDITIONAL).stream()
          .map(start -> new StartEventRef(process, start))
          .toList();
    }
    return ctx.state().latestStartEvents(EventType.CONDITIONAL).stream()
        .filter(ref -> ref.process().tenantId().equals(command.tenantId()))
        .toList();
  }
}
