package io.orderhub.engine.model;

import java.util.List;
import java.util.Map;

/**
 * One executable process of a deployed resource: its root node and an index of all elements by id.
 * Immutable and shared by every instance of the process version.
 */
public record ExecutableProcess(
    String bpmnProcessId,
    String name,
    ExecutableFlowNode root,
    Map<String, ExecutableFlowNode> elements,
    Map<String, ExecutableSequenceFlow> sequenceFlows,
    String versionTag) {

  public ExecutableFlowNode element(String id) {
    ExecutableFlowNode node = elements.get(id);
    if (node == null) {
      throw new IllegalStateException(
          "Expected process '%s' to contain element '%s', but it does not"
              .formatted(bpmnProcessId, id));
    }
    return node;
  }

  /** Whether any element waits on a condition (so variable changes need re-evaluation). */
  public boolean hasConditionalEvents() {
    return elements.values().stream()
        .anyMatch(
            e ->
                (e.eventType() == EventType.CONDITIONAL && !isRootStartEvent(e))
                    || e.boundaryEvents().stream()
                        .anyMatch(b -> b.eventType() == EventType.CONDITIONAL)
                    || e.eventSubprocesses().stream()
                        .flatMap(sub -> sub.startEvents().stream())
                        .anyMatch(start -> start.eventType() == EventType.CONDITIONAL));
  }

  /** Root-level conditional starts are evaluated on request only (EvaluateConditional). */
  private boolean isRootStartEvent(ExecutableFlowNode node) {
    return node.type() == BpmnElementType.START_EVENT && node.flowScope() == root;
  }

  /** The none start event, or null when the process has none. */
  public ExecutableFlowNode noneStartEvent() {
    return startEvents(EventType.NONE).stream().findFirst().orElse(null);
  }

  public List<ExecutableFlowNode> startEvents(EventType eventType) {
    return root.children().stream()
        .filter(n -> n.type() == BpmnElementType.START_EVENT && n.eventType() == eventType)
        .toList();
  }
}
