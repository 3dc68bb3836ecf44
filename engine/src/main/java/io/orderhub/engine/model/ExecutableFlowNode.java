package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An element of an executable process: the process itself, an event, a task or a gateway. Which of
 * the optional definitions are set depends on the element type and event type; the reader only
 * builds nodes whose definitions are complete, so behaviours may rely on them.
 *
 * <p>Immutable once the reader has finished building the process; safe to share across threads.
 */
public final class ExecutableFlowNode {

  private final String id;
  private final String name;
  private final BpmnElementType type;
  private final EventType eventType;
  private ExecutableFlowNode flowScope;
  private final List<ExecutableSequenceFlow> incoming = new ArrayList<>();
  private final List<ExecutableSequenceFlow> outgoing = new ArrayList<>();
  private final List<ExecutableFlowNode> children = new ArrayList<>();

  JobDefinition job;
  ScriptDefinition script;
  CalledDecision calledDecision;
  MessageDefinition message;
  TimerDefinition timer;
  Expression signalName;
  String errorCode;
  ExecutableSequenceFlow defaultFlow;
  List<VariableMapping> inputs = List.of();
  List<VariableMapping> outputs = List.of();

  ExecutableFlowNode(String id, String name, BpmnElementType type, EventType eventType) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.eventType = eventType;
  }

  void addChild(ExecutableFlowNode child) {
    children.add(child);
    child.flowScope = this;
  }

  void addIncoming(ExecutableSequenceFlow flow) {
    incoming.add(flow);
  }

  void addOutgoing(ExecutableSequenceFlow flow) {
    outgoing.add(flow);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public BpmnElementType type() {
    return type;
  }

  public EventType eventType() {
    return eventType;
  }

  /** The enclosing process; null for the process itself. */
  public ExecutableFlowNode flowScope() {
    return flowScope;
  }

  public List<ExecutableSequenceFlow> incoming() {
    return Collections.unmodifiableList(incoming);
  }

  public List<ExecutableSequenceFlow> outgoing() {
    return Collections.unmodifiableList(outgoing);
  }

  public List<ExecutableFlowNode> children() {
    return Collections.unmodifiableList(children);
  }

  public JobDefinition job() {
    return job;
  }

  public ScriptDefinition script() {
    return script;
  }

  /** The decision a business rule task evaluates; null when it is job-based. */
  public CalledDecision calledDecision() {
    return calledDecision;
  }

  public MessageDefinition message() {
    return message;
  }

  public TimerDefinition timer() {
    return timer;
  }

  public Expression signalName() {
    return signalName;
  }

  /** The error code an error end event throws. */
  public String errorCode() {
    return errorCode;
  }

  public ExecutableSequenceFlow defaultFlow() {
    return defaultFlow;
  }

  public List<VariableMapping> inputs() {
    return inputs;
  }

  public List<VariableMapping> outputs() {
    return outputs;
  }

  /** The events an event-based gateway waits for: the targets of its outgoing flows. */
  public List<ExecutableFlowNode> eventBasedTargets() {
    return outgoing.stream().map(ExecutableSequenceFlow::target).toList();
  }

  @Override
  public String toString() {
    return type + "[" + id + "]";
  }
}
