package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/** A sequence flow; the condition is null when the flow is unconditional. */
public final class ExecutableSequenceFlow {

  private final String id;
  private final Expression condition;
  private ExecutableFlowNode source;
  private ExecutableFlowNode target;

  ExecutableSequenceFlow(String id, Expression condition) {
    this.id = id;
    this.condition = condition;
  }

  void connect(ExecutableFlowNode source, ExecutableFlowNode target) {
    this.source = source;
    this.target = target;
  }

  public String id() {
    return id;
  }

  public Expression condition() {
    return condition;
  }

  public ExecutableFlowNode source() {
    return source;
  }

  public ExecutableFlowNode target() {
    return target;
  }
}
