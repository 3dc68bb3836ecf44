package io.orderhub.engine.processing;

import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableSequenceFlow;
import io.orderhub.engine.state.ElementInstance;
import java.util.List;

/** What one kind of BPMN element does on activation, completion and termination. */
interface ElementBehavior {

  /**
   * The element is ACTIVATING and its input mappings are applied: write ElementActivated, then wait
   * (a job, a subscription) or complete at once.
   */
  void onActivate(ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node);

  /**
   * The element is COMPLETING and its output mappings are applied: return the outgoing flows to
   * take, or null when it raised an incident instead.
   */
  default List<ExecutableSequenceFlow> onComplete(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    return node.outgoing();
  }

  /** The element is TERMINATING: release what it holds (jobs, subscriptions). */
  default void onTerminate(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {}
}
