package io.orderhub.engine.processing;

import java.util.Map;

/** Sets variables on an element instance from outside (SetVariables). */
final class VariableProcessor {

  private final VariableBehavior variables;

  VariableProcessor(VariableBehavior variables) {
    this.variables = variables;
  }

  long set(
      ProcessingContext ctx, long elementInstanceKey, Map<String, Object> vars, boolean local) {
    var instance =
        ctx.state()
            .elementInstance(elementInstanceKey)
            .orElseThrow(
                () ->
                    Rejections.notFound(
                        "Expected to update variables for element with key '%d', but no such"
                            + " element was found",
                        elementInstanceKey));
    if (local) {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), vars);
    } else {
      variables.propagate(ctx, instance.key(), instance.processInstanceKey(), vars);
    }
    return ctx.nextKey();
  }
}
