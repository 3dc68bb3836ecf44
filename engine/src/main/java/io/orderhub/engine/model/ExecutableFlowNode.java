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
  final List<ExecutableFlowNode> boundaryEvents = new ArrayList<>();
  ExecutableFlowNode attachedTo;
  boolean interrupting = true;
  String escalationCode;
  Expression thrownEscalationCode;
  String linkName;
  Expression condition;
  CallDefinition call;
  LoopDefinition loop;
  ExecutableFlowNode innerActivity;
  ExecutableFlowNode compensationHandler;
  boolean forCompensation;
  String compensationActivityRef;

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

  /** Boundary events attached to this activity (to the multi-instance body when it has one). */
  public List<ExecutableFlowNode> boundaryEvents() {
    return Collections.unmodifiableList(boundaryEvents);
  }

  /** For a boundary event: the activity it is attached to. */
  public ExecutableFlowNode attachedTo() {
    return attachedTo;
  }

  /**
   * For a boundary event: whether it cancels the activity; for an event subprocess start event:
   * whether it interrupts its scope.
   */
  public boolean interrupting() {
    return interrupting;
  }

  /** The escalation code thrown or caught; null on a catch event means any escalation. */
  public String escalationCode() {
    return escalationCode;
  }

  /**
   * The escalation code of a throw event, static or FEEL (evaluated when thrown, as Zeebe does);
   * null on catch events.
   */
  public Expression thrownEscalationCode() {
    return thrownEscalationCode;
  }

  public String linkName() {
    return linkName;
  }

  /** A conditional event's condition. */
  public Expression condition() {
    return condition;
  }

  public CallDefinition call() {
    return call;
  }

  /** For a multi-instance body: its loop characteristics. */
  public LoopDefinition loop() {
    return loop;
  }

  /** For a multi-instance body: the activity it runs once per item. */
  public ExecutableFlowNode innerActivity() {
    return innerActivity;
  }

  /** For an activity: the handler its compensation boundary event starts, or null. */
  public ExecutableFlowNode compensationHandler() {
    return compensationHandler;
  }

  /** Whether this activity is a compensation handler (started only by compensation). */
  public boolean isForCompensation() {
    return forCompensation;
  }

  /** For a compensation throw event: the activity to compensate, or null for all. */
  public String compensationActivityRef() {
    return compensationActivityRef;
  }

  /** For a link throw event: the link catch event of the same name in its scope, or null. */
  public ExecutableFlowNode linkTarget() {
    if (flowScope == null) {
      return null;
    }
    return flowScope.children.stream()
        .filter(
            c ->
                c.type == BpmnElementType.INTERMEDIATE_CATCH_EVENT
                    && c.eventType == EventType.LINK
                    && c.linkName != null
                    && c.linkName.equals(linkName))
        .findFirst()
        .orElse(null);
  }

  /** Event subprocesses directly inside this scope. */
  public List<ExecutableFlowNode> eventSubprocesses() {
    return children.stream().filter(c -> c.type == BpmnElementType.EVENT_SUB_PROCESS).toList();
  }

  /** The start events of this (event) subprocess or process. */
  public List<ExecutableFlowNode> startEvents() {
    return children.stream().filter(c -> c.type == BpmnElementType.START_EVENT).toList();
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
