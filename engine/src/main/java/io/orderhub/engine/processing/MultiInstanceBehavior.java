package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableSequenceFlow;
import io.orderhub.engine.model.LoopDefinition;
import io.orderhub.engine.record.EngineEvent.MultiInstanceStarted;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import io.orderhub.engine.state.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The multi-instance body: evaluates the input collection once, runs the inner activity once per
 * item (all at once, or one after another), with {@code loopCounter} (from 1) and the input element
 * as local variables of each inner instance (and the output element's variable, when it names one,
 * as a local null); collects each inner instance's output element at its position in the output
 * collection; a true completion condition ends the body early, terminating inner instances still
 * running.
 */
final class MultiInstanceBehavior implements ElementBehavior, ElementTransitions.ScopeListener {

  private final ElementBehaviors.Shared shared;

  /** loopCounter of the inner instance that just completed, per body (lives for the batch). */
  private final Map<Long, Integer> justCompleted = new HashMap<>();

  MultiInstanceBehavior(ElementBehaviors.Shared shared) {
    this.shared = shared;
  }

  @Override
  public void onActivate(ProcessingContext ctx, ElementInstance body, ExecutableFlowNode node) {
    LoopDefinition loop = node.loop();
    Evaluation collection = shared.variables().evaluate(ctx, loop.inputCollection(), body.key());
    String failure = collection.failure();
    if (failure == null && !(collection.value() instanceof List<?>)) {
      failure =
          "Expected result of the expression '%s' to be 'ARRAY', but was '%s'."
              .formatted(loop.inputCollection().source(), collection.value());
    }
    if (failure != null) {
      shared
          .incidents()
          .raise(ctx, body, "EXTRACT_VALUE_ERROR", failure, IncidentBehavior.STEP_ACTIVATE);
      return;
    }
    List<Object> items = new ArrayList<>((List<?>) collection.value());
    ctx.write(new MultiInstanceStarted(body.key(), items));
    shared.transitions().markActivated(ctx, body);
    if (loop.outputCollection() != null) {
      shared
          .variables()
          .setLocal(
              ctx,
              body.key(),
              body.processInstanceKey(),
              Map.of(
                  loop.outputCollection(),
                  new ArrayList<>(Collections.nCopies(items.size(), null))));
    }
    ElementInstance activated = ctx.state().requireElementInstance(body.key());
    if (items.isEmpty()) {
      shared.transitions().complete(ctx, activated);
    } else if (loop.sequential()) {
      activateInner(ctx, activated, node, 0);
    } else {
      for (int i = 0; i < items.size(); i++) {
        activateInner(ctx, activated, node, i);
      }
    }
  }

  private void activateInner(
      ProcessingContext ctx, ElementInstance body, ExecutableFlowNode node, int index) {
    long key = shared.transitions().activate(ctx, node.innerActivity(), body);
    Map<String, Object> locals = new LinkedHashMap<>();
    String outputVariable = outputVariable(node.loop());
    if (outputVariable != null) {
      // Zeebe: an output element naming a variable makes it local to each inner instance, so a
      // worker's result lands there (merging stops at the nearest scope holding the name) and
      // never leaks into, or races on, the parent scope
      locals.put(outputVariable, null);
    }
    locals.put("loopCounter", index + 1);
    if (node.loop().inputElement() != null) {
      locals.put(node.loop().inputElement(), ctx.state().multiInstanceItems(body.key()).get(index));
    }
    shared.variables().setLocal(ctx, key, body.processInstanceKey(), locals);
  }

  @Override
  public void innerCompleting(ProcessingContext ctx, ElementInstance body, ElementInstance inner) {
    int counter = loopCounter(ctx, inner);
    justCompleted.put(body.key(), counter);
    LoopDefinition loop = shared.transitions().node(ctx.state(), body).loop();
    if (loop.outputCollection() == null) {
      return;
    }
    Object element = null;
    if (loop.outputElement() != null) {
      Evaluation value = shared.variables().evaluate(ctx, loop.outputElement(), inner.key());
      element = value.failed() ? null : value.value();
    }
    Variable collection = ctx.state().localVariables(body.key()).get(loop.outputCollection());
    List<Object> updated =
        collection != null && collection.value() instanceof List<?> list
            ? new ArrayList<>(list)
            : new ArrayList<>();
    while (updated.size() < counter) {
      updated.add(null);
    }
    updated.set(counter - 1, element);
    shared
        .variables()
        .setLocal(
            ctx, body.key(), body.processInstanceKey(), Map.of(loop.outputCollection(), updated));
  }

  @Override
  public void innerCompleted(ProcessingContext ctx, ElementInstance bodyBefore) {
    ElementInstance body = ctx.state().elementInstance(bodyBefore.key()).orElse(null);
    Integer counter = justCompleted.remove(bodyBefore.key());
    if (body == null || body.lifecycle() != Lifecycle.ACTIVATED || counter == null) {
      return;
    }
    ExecutableFlowNode node = shared.transitions().node(ctx.state(), body);
    LoopDefinition loop = node.loop();
    List<Object> items = ctx.state().multiInstanceItems(body.key());
    List<ElementInstance> active = ctx.state().children(body.key());
    int completed = loop.sequential() ? counter : items.size() - active.size();
    if (loop.completionCondition() != null
        && conditionHolds(ctx, body, loop, items.size(), active.size(), completed)) {
      active.forEach(child -> shared.transitions().terminate(ctx, child));
      shared.transitions().complete(ctx, body);
      return;
    }
    if (loop.sequential() && counter < items.size()) {
      activateInner(ctx, body, node, counter);
    } else if (active.isEmpty()) {
      shared.transitions().complete(ctx, body);
    }
  }

  private boolean conditionHolds(
      ProcessingContext ctx,
      ElementInstance body,
      LoopDefinition loop,
      int total,
      int active,
      int completed) {
    Map<String, Object> context = new LinkedHashMap<>(shared.variables().visible(ctx, body.key()));
    context.put("numberOfInstances", total);
    context.put("numberOfActiveInstances", active);
    context.put("numberOfCompletedInstances", completed);
    Evaluation result = shared.variables().evaluate(loop.completionCondition(), context);
    return !result.failed() && Boolean.TRUE.equals(result.value());
  }

  @Override
  public List<ExecutableSequenceFlow> onComplete(
      ProcessingContext ctx, ElementInstance body, ExecutableFlowNode node) {
    String output = node.loop().outputCollection();
    if (output != null) {
      Variable collection = ctx.state().localVariables(body.key()).get(output);
      Map<String, Object> result = new HashMap<>();
      result.put(output, collection == null ? List.of() : collection.value());
      shared.variables().propagate(ctx, body.flowScopeKey(), body.processInstanceKey(), result);
    }
    return node.outgoing();
  }

  /** The variable the output element names when it is a bare variable reference, else null. */
  static String outputVariable(LoopDefinition loop) {
    if (loop.outputElement() == null || loop.outputCollection() == null) {
      return null;
    }
    String source = loop.outputElement().source().strip();
    if (!VARIABLE_NAME.matcher(source).matches() || FEEL_LITERALS.contains(source)) {
      return null;
    }
    return source;
  }

  private static final Pattern VARIABLE_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
  private static final Set<String> FEEL_LITERALS = Set.of("null", "true", "false");

  private static int loopCounter(ProcessingContext ctx, ElementInstance inner) {
    Variable counter = ctx.state().localVariables(inner.key()).get("loopCounter");
    return counter != null && counter.value() instanceof Number n ? n.intValue() : 1;
  }
}
