package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.feel.Expression;
import io.orderhub.engine.feel.FeelEvaluator;
import io.orderhub.engine.model.VariableMapping;
import io.orderhub.engine.record.EngineEvent.VariableCreated;
import io.orderhub.engine.record.EngineEvent.VariableUpdated;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Variables as Zeebe documents them: each element instance is a scope; a merged variable propagates
 * up from a scope to the nearest scope that already holds it, or is created in the root scope; a
 * local variable is set in the given scope only. Input mappings create local variables; output
 * mappings' results propagate from the flow scope.
 */
final class VariableBehavior {

  private final FeelEvaluator feel;

  VariableBehavior(FeelEvaluator feel) {
    this.feel = feel;
  }

  void setLocal(
      ProcessingContext ctx,
      long scopeKey,
      long processInstanceKey,
      Map<String, Object> variables) {
    variables.forEach((name, value) -> set(ctx, scopeKey, processInstanceKey, name, value));
  }

  /** Merges variables into the instance, starting the search for holders at {@code scopeKey}. */
  void propagate(
      ProcessingContext ctx,
      long scopeKey,
      long processInstanceKey,
      Map<String, Object> variables) {
    variables.forEach(
        (name, value) -> {
          long holder = ctx.state().scopeHolding(scopeKey, name);
          set(ctx, holder > 0 ? holder : processInstanceKey, processInstanceKey, name, value);
        });
  }

  private void set(
      ProcessingContext ctx, long scopeKey, long processInstanceKey, String name, Object raw) {
    Object value = canonical(raw);
    Variable existing = ctx.state().localVariables(scopeKey).get(name);
    if (existing == null) {
      ctx.write(new VariableCreated(ctx.nextKey(), scopeKey, processInstanceKey, name, value));
    } else if (!Objects.equals(existing.value(), value)) {
      ctx.write(new VariableUpdated(existing.key(), scopeKey, processInstanceKey, name, value));
    }
  }

  /**
   * Whole numbers as Long, other numbers as Double, deeply: the journal reads numbers back that
   * way, so live and replayed state hold equal values.
   */
  static Object canonical(Object value) {
    return switch (value) {
      case Integer i -> i.longValue();
      case Short i -> i.longValue();
      case Byte i -> i.longValue();
      case Float f -> f.doubleValue();
      case java.math.BigInteger i -> i.longValue();
      case Map<?, ?> map -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), canonical(v)));
        yield copy;
      }
      case List<?> list -> {
        List<Object> copy = new java.util.ArrayList<>(list.size());
        list.forEach(v -> copy.add(canonical(v)));
        yield copy;
      }
      case null, default -> value;
    };
  }

  Map<String, Object> visible(ProcessingContext ctx, long scopeKey) {
    return ctx.state().visibleVariables(scopeKey);
  }

  Evaluation evaluate(ProcessingContext ctx, Expression expression, long scopeKey) {
    return feel.evaluate(expression, visible(ctx, scopeKey));
  }

  /** Evaluates against an explicit context (e.g. visible variables plus loop figures). */
  Evaluation evaluate(Expression expression, Map<String, Object> context) {
    return feel.evaluate(expression, context);
  }

  /**
   * Applies input mappings: each source is evaluated in the flow scope (later inputs see earlier
   * ones) and set as a local variable of the element. Returns the failure, or null.
   */
  String applyInputs(
      ProcessingContext ctx, ElementInstance instance, List<VariableMapping> inputs) {
    if (inputs.isEmpty()) {
      return null;
    }
    Map<String, Object> context = new LinkedHashMap<>(visible(ctx, instance.flowScopeKey()));
    Map<String, Object> locals = new LinkedHashMap<>();
    for (VariableMapping input : inputs) {
      Evaluation result = feel.evaluate(input.source(), context);
      if (result.failed()) {
        return result.failure();
      }
      assign(locals, input.target(), result.value(), context);
      context.putAll(locals);
    }
    setLocal(ctx, instance.key(), instance.processInstanceKey(), locals);
    return null;
  }

  /**
   * Applies output mappings: sources are evaluated in the element's scope, results propagate from
   * the flow scope. Returns the failure, or null.
   */
  String applyOutputs(
      ProcessingContext ctx, ElementInstance instance, List<VariableMapping> outputs) {
    Map<String, Object> context = visible(ctx, instance.key());
    Map<String, Object> results = new LinkedHashMap<>();
    Map<String, Object> outer = visible(ctx, instance.flowScopeKey());
    for (VariableMapping output : outputs) {
      Evaluation result = feel.evaluate(output.source(), context);
      if (result.failed()) {
        return result.failure();
      }
      assign(results, output.target(), result.value(), outer);
    }
    propagate(ctx, instance.flowScopeKey(), instance.processInstanceKey(), results);
    return null;
  }

  /**
   * Sets {@code target} (a name or a dotted path) in {@code into}; a path merges into the object
   * the variable already holds.
   */
  @SuppressWarnings("unchecked")
  private static void assign(
      Map<String, Object> into, String target, Object value, Map<String, Object> existing) {
    String[] path = target.split("\\.");
    if (path.length == 1) {
      into.put(target, value);
      return;
    }
    Object current = into.containsKey(path[0]) ? into.get(path[0]) : existing.get(path[0]);
    Map<String, Object> root =
        current instanceof Map<?, ?> map
            ? deepCopy((Map<String, Object>) map)
            : new LinkedHashMap<>();
    Map<String, Object> cursor = root;
    for (int i = 1; i < path.length - 1; i++) {
      Object next = cursor.get(path[i]);
      Map<String, Object> child =
          next instanceof Map<?, ?> map
              ? deepCopy((Map<String, Object>) map)
              : new LinkedHashMap<>();
      cursor.put(path[i], child);
      cursor = child;
    }
    cursor.put(path[path.length - 1], value);
    into.put(path[0], root);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }
}
