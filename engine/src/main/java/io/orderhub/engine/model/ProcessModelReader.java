package io.orderhub.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.ConditionalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.orderhub.engine.feel.Expression;
import io.orderhub.engine.feel.FeelEvaluator;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Turns BPMN XML into executable processes. A resource is accepted whole or not at all: every
 * problem found is reported with the element id and the reason, and no process of a resource with
 * problems is returned.
 *
 * <p>Checks, in order: the XML parses; Zeebe's design-time rules (from the Apache-2.0 {@code
 * zeebe-bpmn-model}); at least one executable process; every element is one this engine executes;
 * every FEEL expression parses. Thread-safe.
 */
public final class ProcessModelReader {

  private final FeelEvaluator feel;

  public ProcessModelReader(FeelEvaluator feel) {
    this.feel = feel;
  }

  public ReadResult read(byte[] resource) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
    } catch (RuntimeException e) {
      return ReadResult.failed(
          List.of(new ValidationError("resource", "is not valid BPMN XML: " + rootMessage(e))));
    }
    List<ValidationError> errors = new ArrayList<>(designTimeErrors(model));
    List<Process> executable =
        model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
    if (executable.isEmpty()) {
      errors.add(
          new ValidationError("resource", "contains no executable process (isExecutable=true)"));
    }
    List<ExecutableProcess> processes = new ArrayList<>();
    // looked up once: per process it made a resource of thousands of processes quadratic
    Collection<Association> associations = model.getModelElementsByType(Association.class);
    for (Process process : executable) {
      processes.add(new ProcessBuilder(process, errors, associations).build());
    }
    return errors.isEmpty() ? new ReadResult(processes, List.of()) : ReadResult.failed(errors);
  }

  private static List<ValidationError> designTimeErrors(BpmnModelInstance model) {
    List<ValidationError> errors = new ArrayList<>();
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) ->
                results.stream()
                    .filter(r -> r.getType() == ValidationResultType.ERROR)
                    .forEach(r -> errors.add(new ValidationError(idOf(element), r.getMessage()))));
    return errors;
  }

  private static String idOf(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null) {
      if (current instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
      current = current.getParentElement();
    }
    return element.getElementType().getTypeName();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The outcome: the processes of the resource, or every problem found in it. */
  public record ReadResult(List<ExecutableProcess> processes, List<ValidationError> errors) {
    static ReadResult failed(List<ValidationError> errors) {
      return new ReadResult(List.of(), List.copyOf(errors));
    }

    public boolean failed() {
      return !errors.isEmpty();
    }
  }

  /** Builds one process, collecting errors instead of stopping at the first. */
  private final class ProcessBuilder {
    private final Process process;
    private final List<ValidationError> errors;
    private final Map<String, ExecutableFlowNode> elements = new LinkedHashMap<>();
    private final Map<String, ExecutableSequenceFlow> flows = new LinkedHashMap<>();

    private final Collection<Association> associations;

    ProcessBuilder(
        Process process, List<ValidationError> errors, Collection<Association> associations) {
      this.associations = associations;
      this.process = process;
      this.errors = errors;
    }

    ExecutableProcess build() {
      ExecutableFlowNode root =
          new ExecutableFlowNode(
              process.getId(), process.getName(), BpmnElementType.PROCESS, EventType.NONE);
      elements.put(root.id(), root);
      buildScope(root, process.getFlowElements());
      if (root.children().stream().noneMatch(n -> n.type() == BpmnElementType.START_EVENT)) {
        errors.add(new ValidationError(process.getId(), "has no start event"));
      }
      for (Association association : associations) {
        linkCompensationHandler(association);
      }
      checkLinks(root);
      ZeebeVersionTag tag = process.getSingleExtensionElement(ZeebeVersionTag.class);
      return new ExecutableProcess(
          process.getId(),
          process.getName(),
          root,
          Map.copyOf(elements),
          Map.copyOf(flows),
          tag == null ? null : blankToNull(tag.getValue()));
    }

    /** Builds the elements of a process or subprocess, then its flows and boundary events. */
    private void buildScope(ExecutableFlowNode scope, Collection<FlowElement> flowElements) {
      List<BoundaryEvent> boundaries = new ArrayList<>();
      for (FlowElement element : flowElements) {
        if (element instanceof BoundaryEvent boundary) {
          boundaries.add(boundary);
        } else if (element instanceof FlowNode node) {
          ExecutableFlowNode built = buildNode(node);
          if (built == null) {
            continue;
          }
          ExecutableFlowNode placed = wrapMultiInstance(node, built);
          scope.addChild(placed);
          elements.put(placed.id(), placed);
          if (node instanceof SubProcess subProcess) {
            buildScope(built, subProcess.getFlowElements());
            checkSubProcess(subProcess, built);
          }
        }
      }
      for (BoundaryEvent boundary : boundaries) {
        ExecutableFlowNode built = buildNode(boundary);
        ExecutableFlowNode activity = elements.get(boundary.getAttachedTo().getId());
        if (built == null || activity == null) {
          continue;
        }
        built.attachedTo = activity;
        built.interrupting = boundary.cancelActivity();
        activity.boundaryEvents.add(built);
        scope.addChild(built);
        elements.put(built.id(), built);
      }
      for (FlowElement element : flowElements) {
        if (element instanceof SequenceFlow flow) {
          buildFlow(flow);
        }
      }
      for (FlowElement element : flowElements) {
        SequenceFlow defaultFlow =
            switch (element) {
              case ExclusiveGateway gateway -> gateway.getDefault();
              case InclusiveGateway gateway -> gateway.getDefault();
              default -> null;
            };
        if (defaultFlow != null) {
          elements.get(element.getId()).defaultFlow = flows.get(defaultFlow.getId());
        }
      }
    }

    private void checkSubProcess(SubProcess subProcess, ExecutableFlowNode built) {
      List<ExecutableFlowNode> starts = built.startEvents();
      if (built.type() == BpmnElementType.EVENT_SUB_PROCESS) {
        if (starts.size() != 1 || starts.get(0).eventType() == EventType.NONE) {
          errors.add(
              new ValidationError(
                  subProcess.getId(), "an event subprocess needs exactly one event start event"));
        }
      } else if (starts.size() != 1 || starts.get(0).eventType() != EventType.NONE) {
        errors.add(
            new ValidationError(
                subProcess.getId(), "an embedded subprocess needs exactly one none start event"));
      }
    }

    /** A multi-instance activity becomes a body element holding the activity as its inner part. */
    private ExecutableFlowNode wrapMultiInstance(FlowNode node, ExecutableFlowNode built) {
      if (!(node instanceof Activity activity)
          || !(activity.getLoopCharacteristics()
              instanceof MultiInstanceLoopCharacteristics characteristics)) {
        return built;
      }
      ZeebeLoopCharacteristics zeebe =
          characteristics.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
      if (zeebe == null || zeebe.getInputCollection() == null) {
        errors.add(new ValidationError(node.getId(), "multi-instance has no input collection"));
        return built;
      }
      Expression completion =
          characteristics.getCompletionCondition() == null
              ? null
              : feelOnly(
                  node.getId(),
                  "completion condition",
                  characteristics.getCompletionCondition().getTextContent());
      Expression outputElement =
          zeebe.getOutputElement() == null
              ? null
              : feelOnly(node.getId(), "output element", zeebe.getOutputElement());
      ExecutableFlowNode body =
          new ExecutableFlowNode(
              node.getId(), node.getName(), BpmnElementType.MULTI_INSTANCE_BODY, EventType.NONE);
      body.loop =
          new LoopDefinition(
              characteristics.isSequential(),
              feelOnly(node.getId(), "input collection", zeebe.getInputCollection()),
              blankToNull(zeebe.getInputElement()),
              blankToNull(zeebe.getOutputCollection()),
              outputElement,
              completion);
      body.innerActivity = built;
      body.addChild(built);
      return body;
    }

    private void linkCompensationHandler(Association association) {
      if (!(association.getSource() instanceof BoundaryEvent boundary)
          || association.getTarget() == null) {
        return;
      }
      ExecutableFlowNode activity = elements.get(boundary.getAttachedTo().getId());
      ExecutableFlowNode handler = elements.get(association.getTarget().getId());
      if (activity != null && handler != null) {
        activity.compensationHandler = handler;
        if (activity.innerActivity() != null) {
          activity.innerActivity().compensationHandler = handler;
        }
      }
    }

    /** Every link throw event needs a link catch event of the same name in its scope. */
    private void checkLinks(ExecutableFlowNode scope) {
      for (ExecutableFlowNode node : scope.children()) {
        if (node.eventType() == EventType.LINK
            && node.type() == BpmnElementType.INTERMEDIATE_THROW_EVENT
            && node.linkTarget() == null) {
          errors.add(
              new ValidationError(
                  node.id(),
                  "no link catch event named '%s' in the same scope".formatted(node.linkName())));
        }
        checkLinks(node);
      }
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }

    private void buildFlow(SequenceFlow flow) {
      Expression condition = null;
      ConditionExpression conditionExpression = flow.getConditionExpression();
      if (conditionExpression != null) {
        condition = feelOnly(flow.getId(), "condition", conditionExpression.getTextContent());
      }
      ExecutableSequenceFlow built = new ExecutableSequenceFlow(flow.getId(), condition);
      ExecutableFlowNode source = elements.get(flow.getSource().getId());
      ExecutableFlowNode target = elements.get(flow.getTarget().getId());
      if (source == null || target == null) {
        return; // an unsupported end of the flow was reported already
      }
      built.connect(source, target);
      source.addOutgoing(built);
      target.addIncoming(built);
      flows.put(built.id(), built);
    }

    private ExecutableFlowNode buildNode(FlowNode node) {
      BpmnElementType type = typeOf(node);
      if (type == null) {
        unsupported(node, node.getElementType().getTypeName());
        return null;
      }
      EventType eventType = eventTypeOf(node, type);
      if (eventType == null) {
        return null;
      }
      ExecutableFlowNode built =
          new ExecutableFlowNode(node.getId(), node.getName(), type, eventType);
      readMappings(node, built);
      switch (type) {
        case SERVICE_TASK, SEND_TASK, USER_TASK -> built.job = jobDefinition(node, true);
        case BUSINESS_RULE_TASK -> readCalledDecision(node, built);
        case SCRIPT_TASK -> readScript(node, built);
        case RECEIVE_TASK -> built.message = messageOf(node, ((ReceiveTask) node).getMessage());
        case CALL_ACTIVITY -> built.call = callOf((CallActivity) node);
        default -> {}
      }
      if (node instanceof Activity activity) {
        built.forCompensation = activity.isForCompensation();
      }
      if (node instanceof StartEvent start) {
        built.interrupting = start.isInterrupting();
      }
      readEventDefinition(node, built);
      return built;
    }

    private CallDefinition callOf(CallActivity node) {
      ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
      if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
        errors.add(new ValidationError(node.getId(), "call activity has no called process id"));
        return null;
      }
      String binding = called.getBindingType() == null ? "latest" : called.getBindingType().name();
      return new CallDefinition(
          property(node.getId(), "called process id", called.getProcessId()),
          binding,
          called.getVersionTag(),
          called.isPropagateAllChildVariablesEnabled(),
          called.isPropagateAllParentVariablesEnabled());
    }

    private void readScript(FlowNode node, ExecutableFlowNode built) {
      ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
      if (script != null) {
        Expression expression = feelOnly(node.getId(), "script", script.getExpression());
        String result = script.getResultVariable();
        if (result == null || result.isBlank()) {
          errors.add(new ValidationError(node.getId(), "script has no result variable"));
        }
        built.script = new ScriptDefinition(expression, result);
      } else {
        built.job = jobDefinition(node, true);
      }
    }

    /** A business rule task evaluates a decision, or (without one) waits for a job worker. */
    private void readCalledDecision(FlowNode node, ExecutableFlowNode built) {
      ZeebeCalledDecision called = node.getSingleExtensionElement(ZeebeCalledDecision.class);
      if (called == null) {
        built.job = jobDefinition(node, true);
        return;
      }
      if (called.getDecisionId() == null || called.getDecisionId().isBlank()) {
        errors.add(new ValidationError(node.getId(), "called decision has no decision id"));
        return;
      }
      String result = called.getResultVariable();
      if (result == null || result.isBlank()) {
        errors.add(new ValidationError(node.getId(), "called decision has no result variable"));
      }
      CalledDecision.Binding binding =
          switch (called.getBindingType()) {
            case null -> CalledDecision.Binding.LATEST;
            case latest -> CalledDecision.Binding.LATEST;
            case deployment -> CalledDecision.Binding.DEPLOYMENT;
            case versionTag -> CalledDecision.Binding.VERSION_TAG;
          };
      String versionTag = called.getVersionTag();
      if (binding == CalledDecision.Binding.VERSION_TAG
          && (versionTag == null || versionTag.isBlank())) {
        errors.add(
            new ValidationError(
                node.getId(), "called decision has binding type versionTag but no version tag"));
      }
      built.calledDecision =
          new CalledDecision(
              property(node.getId(), "decision id", called.getDecisionId()),
              result,
              binding,
              versionTag);
    }

    private JobDefinition jobDefinition(FlowNode node, boolean required) {
      ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
        if (node instanceof UserTask) {
          // a user task without a job definition is a job-worker user task of Zeebe's fixed type
          return new JobDefinition(
              property(node.getId(), "job type", "io.camunda.zeebe:userTask"),
              property(node.getId(), "retries", "3"),
              headers(node));
        }
        if (required) {
          errors.add(new ValidationError(node.getId(), "has no job type (zeebe:taskDefinition)"));
        }
        return null;
      }
      String retries =
          definition.getRetries() == null
              ? ZeebeTaskDefinition.DEFAULT_RETRIES
              : definition.getRetries();
      return new JobDefinition(
          property(node.getId(), "job type", definition.getType()),
          property(node.getId(), "job retries", retries),
          headers(node));
    }

    private Map<String, String> headers(FlowNode node) {
      ZeebeTaskHeaders headers = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
      Map<String, String> result = new LinkedHashMap<>();
      if (headers != null) {
        headers.getHeaders().forEach(h -> result.put(h.getKey(), h.getValue()));
      }
      return Map.copyOf(result);
    }

    private void readMappings(FlowNode node, ExecutableFlowNode built) {
      ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
      if (io == null) {
        return;
      }
      built.inputs = mappings(node.getId(), io.getInputs());
      built.outputs = mappings(node.getId(), io.getOutputs());
    }

    private List<VariableMapping> mappings(
        String elementId, Collection<? extends ZeebeMapping> mappings) {
      List<VariableMapping> result = new ArrayList<>();
      for (ZeebeMapping mapping : mappings) {
        String source = mapping.getSource() == null ? "" : mapping.getSource();
        Expression expression =
            source.strip().startsWith("=")
                ? feelOnly(elementId, "mapping source", source)
                : feelOnly(elementId, "mapping source", "=" + quoteIfStatic(source));
        if (expression != null) {
          result.add(new VariableMapping(expression, mapping.getTarget()));
        }
      }
      return List.copyOf(result);
    }

    private String quoteIfStatic(String source) {
      // a static mapping source is a plain string value
      return "\"" + source.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void readEventDefinition(FlowNode node, ExecutableFlowNode built) {
      EventDefinition definition = singleEventDefinition(node);
      if (definition instanceof MessageEventDefinition message) {
        built.message = messageOf(node, message.getMessage());
        if (node instanceof IntermediateThrowEvent || node instanceof EndEvent) {
          built.job = jobDefinition(node, true);
          built.message = null;
        }
      } else if (definition instanceof TimerEventDefinition timer) {
        built.timer = timerOf(node.getId(), timer);
      } else if (definition instanceof SignalEventDefinition signal) {
        if (signal.getSignal() == null || signal.getSignal().getName() == null) {
          errors.add(new ValidationError(node.getId(), "signal event has no signal name"));
        } else {
          built.signalName = property(node.getId(), "signal name", signal.getSignal().getName());
        }
      } else if (definition instanceof ErrorEventDefinition error) {
        built.errorCode =
            error.getError() == null ? null : blankToNull(error.getError().getErrorCode());
        if (built.errorCode == null && node instanceof EndEvent) {
          errors.add(new ValidationError(node.getId(), "error end event has no error code"));
        }
      } else if (definition instanceof EscalationEventDefinition escalation) {
        built.escalationCode =
            escalation.getEscalation() == null
                ? null
                : blankToNull(escalation.getEscalation().getEscalationCode());
        if (built.escalationCode == null && node instanceof ThrowEvent) {
          errors.add(new ValidationError(node.getId(), "escalation throw event has no code"));
        } else if (node instanceof ThrowEvent) {
          built.thrownEscalationCode =
              property(node.getId(), "escalation code", built.escalationCode);
        }
      } else if (definition instanceof CompensateEventDefinition compensate) {
        built.compensationActivityRef =
            compensate.getActivity() == null ? null : compensate.getActivity().getId();
      } else if (definition instanceof LinkEventDefinition link) {
        built.linkName = link.getName();
        if (built.linkName == null || built.linkName.isBlank()) {
          errors.add(new ValidationError(node.getId(), "link event has no name"));
        }
      } else if (definition instanceof ConditionalEventDefinition conditional) {
        built.condition =
            conditional.getCondition() == null
                ? null
                : feelOnly(node.getId(), "condition", conditional.getCondition().getTextContent());
        if (built.condition == null && conditional.getCondition() == null) {
          errors.add(new ValidationError(node.getId(), "conditional event has no condition"));
        }
      }
    }

    private MessageDefinition messageOf(
        FlowNode node, io.camunda.zeebe.model.bpmn.instance.Message message) {
      if (message == null || message.getName() == null || message.getName().isBlank()) {
        errors.add(new ValidationError(node.getId(), "message has no name"));
        return null;
      }
      Expression name = property(node.getId(), "message name", message.getName());
      boolean inEventSubprocess =
          node.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent();
      if (node instanceof StartEvent && !inEventSubprocess) {
        return new MessageDefinition(name, null);
      }
      ZeebeSubscription subscription =
          message.getExtensionElements() == null
              ? null
              : message.getSingleExtensionElement(ZeebeSubscription.class);
      if (subscription == null || subscription.getCorrelationKey() == null) {
        errors.add(
            new ValidationError(
                node.getId(), "message '%s' has no correlation key".formatted(message.getName())));
        return null;
      }
      return new MessageDefinition(
          name, feelOnly(node.getId(), "correlation key", subscription.getCorrelationKey()));
    }

    private TimerDefinition timerOf(String elementId, TimerEventDefinition timer) {
      if (timer.getTimeDuration() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.DURATION,
            property(elementId, "timer duration", timer.getTimeDuration().getTextContent()));
      }
      if (timer.getTimeDate() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.DATE,
            property(elementId, "timer date", timer.getTimeDate().getTextContent()));
      }
      if (timer.getTimeCycle() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.CYCLE,
            property(elementId, "timer cycle", timer.getTimeCycle().getTextContent()));
      }
      errors.add(new ValidationError(elementId, "timer has no duration, date or cycle"));
      return null;
    }

    private EventDefinition singleEventDefinition(FlowNode node) {
      Collection<EventDefinition> definitions =
          switch (node) {
            case StartEvent e -> e.getEventDefinitions();
            case EndEvent e -> e.getEventDefinitions();
            case IntermediateCatchEvent e -> e.getEventDefinitions();
            case IntermediateThrowEvent e -> e.getEventDefinitions();
            case BoundaryEvent e -> e.getEventDefinitions();
            default -> List.of();
          };
      return definitions.isEmpty() ? null : definitions.iterator().next();
    }

    private EventType eventTypeOf(FlowNode node, BpmnElementType type) {
      EventDefinition definition = singleEventDefinition(node);
      EventType eventType =
          switch (definition) {
            case null -> EventType.NONE;
            case MessageEventDefinition ignored -> EventType.MESSAGE;
            case TimerEventDefinition ignored -> EventType.TIMER;
            case SignalEventDefinition ignored -> EventType.SIGNAL;
            case ErrorEventDefinition ignored -> EventType.ERROR;
            case TerminateEventDefinition ignored -> EventType.TERMINATE;
            case EscalationEventDefinition ignored -> EventType.ESCALATION;
            case CompensateEventDefinition ignored -> EventType.COMPENSATION;
            case LinkEventDefinition ignored -> EventType.LINK;
            case ConditionalEventDefinition ignored -> EventType.CONDITIONAL;
            default -> null;
          };
      if (eventType == null) {
        unsupported(node, definition.getElementType().getTypeName());
        return null;
      }
      boolean inEventSubprocess =
          node.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent();
      Set<EventType> supported =
          switch (type) {
            case START_EVENT ->
                inEventSubprocess
                    ? EnumSet.of(
                        EventType.MESSAGE,
                        EventType.TIMER,
                        EventType.SIGNAL,
                        EventType.ERROR,
                        EventType.ESCALATION,
                        EventType.COMPENSATION,
                        EventType.CONDITIONAL)
                    : EnumSet.of(
                        EventType.NONE,
                        EventType.MESSAGE,
                        EventType.TIMER,
                        EventType.SIGNAL,
                        // started through EvaluateConditional (8.9), never by variable changes
                        EventType.CONDITIONAL);
            case END_EVENT ->
                EnumSet.of(
                    EventType.NONE,
                    EventType.ERROR,
                    EventType.TERMINATE,
                    EventType.ESCALATION,
                    EventType.COMPENSATION,
                    EventType.MESSAGE,
                    EventType.SIGNAL);
            case INTERMEDIATE_CATCH_EVENT ->
                EnumSet.of(
                    EventType.MESSAGE,
                    EventType.TIMER,
                    EventType.SIGNAL,
                    EventType.LINK,
                    EventType.CONDITIONAL);
            case INTERMEDIATE_THROW_EVENT ->
                EnumSet.of(
                    EventType.NONE,
                    EventType.ESCALATION,
                    EventType.COMPENSATION,
                    EventType.LINK,
                    EventType.MESSAGE,
                    EventType.SIGNAL);
            case BOUNDARY_EVENT ->
                EnumSet.of(
                    EventType.MESSAGE,
                    EventType.TIMER,
                    EventType.SIGNAL,
                    EventType.ERROR,
                    EventType.ESCALATION,
                    EventType.COMPENSATION,
                    EventType.CONDITIONAL);
            default -> EnumSet.of(EventType.NONE);
          };
      if (!supported.contains(eventType)) {
        unsupported(
            node, eventType.name().toLowerCase() + " " + node.getElementType().getTypeName());
        return null;
      }
      return eventType;
    }

    private BpmnElementType typeOf(FlowNode node) {
      return switch (node) {
        case StartEvent ignored -> BpmnElementType.START_EVENT;
        case EndEvent ignored -> BpmnElementType.END_EVENT;
        case IntermediateCatchEvent ignored -> BpmnElementType.INTERMEDIATE_CATCH_EVENT;
        case IntermediateThrowEvent ignored -> BpmnElementType.INTERMEDIATE_THROW_EVENT;
        case ServiceTask ignored -> BpmnElementType.SERVICE_TASK;
        case SendTask ignored -> BpmnElementType.SEND_TASK;
        case BusinessRuleTask ignored -> BpmnElementType.BUSINESS_RULE_TASK;
        case UserTask ignored -> BpmnElementType.USER_TASK;
        case ScriptTask ignored -> BpmnElementType.SCRIPT_TASK;
        case ReceiveTask ignored -> BpmnElementType.RECEIVE_TASK;
        case ManualTask ignored -> BpmnElementType.MANUAL_TASK;
        case SubProcess sub when sub.triggeredByEvent() -> BpmnElementType.EVENT_SUB_PROCESS;
        case SubProcess sub when sub.getElementType().getTypeName().equals("subProcess") ->
            BpmnElementType.SUB_PROCESS;
        case CallActivity ignored -> BpmnElementType.CALL_ACTIVITY;
        case BoundaryEvent ignored -> BpmnElementType.BOUNDARY_EVENT;
        case ExclusiveGateway ignored -> BpmnElementType.EXCLUSIVE_GATEWAY;
        case ParallelGateway ignored -> BpmnElementType.PARALLEL_GATEWAY;
        case InclusiveGateway ignored -> BpmnElementType.INCLUSIVE_GATEWAY;
        case EventBasedGateway ignored -> BpmnElementType.EVENT_BASED_GATEWAY;
        case Task task when task.getElementType().getTypeName().equals("task") ->
            BpmnElementType.TASK;
        default -> null;
      };
    }

    private void unsupported(FlowNode node, String what) {
      errors.add(
          new ValidationError(
              node.getId(), "element type '%s' is not supported by this engine".formatted(what)));
    }

    /** A property that may be static or FEEL. */
    private Expression property(String elementId, String what, String text) {
      FeelEvaluator.ParseOutcome outcome = feel.parse(text);
      if (outcome.failed()) {
        errors.add(
            new ValidationError(
                elementId,
                "%s is not a valid FEEL expression: %s".formatted(what, outcome.failure())));
      }
      return outcome.expression();
    }

    /** A property that is always FEEL, such as a condition or a mapping source. */
    private Expression feelOnly(String elementId, String what, String text) {
      if (text == null || text.isBlank()) {
        errors.add(new ValidationError(elementId, what + " is empty"));
        return null;
      }
      FeelEvaluator.ParseOutcome outcome = feel.parseFeel(text);
      if (outcome.failed()) {
        errors.add(
            new ValidationError(
                elementId,
                "%s is not a valid FEEL expression: %s".formatted(what, outcome.failure())));
      }
      return outcome.expression();
    }
  }
}
