package io.orderhub.engine.processing;

import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableProcess;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ProcessDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Creates and cancels process instances. */
final class ProcessInstanceProcessor {

  /** Camunda 8.9 limits a business id to 256 characters and rejects longer ones. */
  static final int MAX_BUSINESS_ID_LENGTH = 256;

  /** What the clients send for "the latest version". */
  private static final int LATEST_VERSION = -1;

  private final ProcessInstanceStarter starter;
  private final ElementTransitions transitions;
  private final ResultWaiters waiters;

  ProcessInstanceProcessor(
      ProcessInstanceStarter starter, ElementTransitions transitions, ResultWaiters waiters) {
    this.starter = starter;
    this.transitions = transitions;
    this.waiters = waiters;
  }

  ProcessInstanceCreated create(ProcessingContext ctx, CreateProcessInstanceCommand command) {
    ProcessDefinition process = resolve(ctx, command);
    ExecutableProcess executable = ctx.state().executable(process.key());
    List<ExecutableFlowNode> startElements = new ArrayList<>();
    if (command.startElementIds() == null || command.startElementIds().isEmpty()) {
      ExecutableFlowNode noneStart = executable.noneStartEvent();
      if (noneStart == null) {
        throw Rejections.invalidState(
            "Expected to create instance of process with none start event, but there is no such"
                + " event in process '%s'",
            process.bpmnProcessId());
      }
      startElements.add(noneStart);
    } else {
      for (String elementId : command.startElementIds()) {
        ExecutableFlowNode element = executable.elements().get(elementId);
        if (element == null || element.flowScope() == null) {
          throw Rejections.invalidArgument(
              "Expected to find element with id '%s' in process with key '%d', but no such element"
                  + " was found",
              elementId, process.key());
        }
        startElements.add(element);
      }
    }
    String businessId = blankToNull(command.businessId());
    if (businessId != null && businessId.length() > MAX_BUSINESS_ID_LENGTH) {
      throw Rejections.invalidArgument(
          "Expected a business id of at most %d characters, but it has %d",
          MAX_BUSINESS_ID_LENGTH, businessId.length());
    }
    if (businessId != null) {
      ctx.state()
          .activeInstanceWithBusinessId(process.tenantId(), process.bpmnProcessId(), businessId)
          .ifPresent(
              existing -> {
                throw Rejections.alreadyExists(
                    "Expected to create an instance of process '%s' with business id '%s', but"
                        + " instance %d with this business id is still active",
                    process.bpmnProcessId(), businessId, existing);
              });
    }
    Set<String> tags = command.tags() == null ? Set.of() : Set.copyOf(command.tags());
    long key = starter.start(ctx, process, startElements, command.variables(), businessId, tags);
    return new ProcessInstanceCreated(
        process.key(),
        process.bpmnProcessId(),
        process.version(),
        key,
        process.tenantId(),
        tags,
        businessId,
        null);
  }

  private ProcessDefinition resolve(ProcessingContext ctx, CreateProcessInstanceCommand command) {
    if (command.processDefinitionKey() > 0) {
      return ctx.state()
          .process(command.processDefinitionKey())
          .orElseThrow(
              () ->
                  Rejections.notFound(
                      "Expected to find process definition with key '%d', but none found",
                      command.processDefinitionKey()));
    }
    String id = command.bpmnProcessId();
    if (id == null || id.isBlank()) {
      throw Rejections.invalidArgument(
          "Expected either a process definition key or a BPMN process id, but neither given");
    }
    if (command.version() < LATEST_VERSION) {
      throw Rejections.invalidArgument(
          "Expected a process version of at least 1 (or -1 for the latest), but got %d",
          command.version());
    }
    if (command.version() == LATEST_VERSION) {
      return ctx.state()
          .latestProcess(id, command.tenantId())
          .orElseThrow(
              () ->
                  Rejections.notFound(
                      "Expected to find process definition with process ID '%s', but none found",
                      id));
    }
    return ctx.state()
        .process(id, command.version(), command.tenantId())
        .orElseThrow(
            () ->
                Rejections.notFound(
                    "Expected to find process definition with process ID '%s' and version '%d',"
                        + " but none found",
                    id, command.version()));
  }

  void cancel(ProcessingContext ctx, long processInstanceKey) {
    ElementInstance instance =
        ctx.state()
            .elementInstance(processInstanceKey)
            .filter(ElementInstance::isProcess)
            .orElseThrow(
                () ->
                    Rejections.notFound(
                        "Expected to cancel a process instance with key '%d', but no such process"
                            + " was found",
                        processInstanceKey));
    if (instance.flowScopeKey() > 0) {
      throw Rejections.invalidState(
          "Expected to cancel a process instance with key '%d', but it is created by a parent"
              + " process instance. Cancel the root process instance instead.",
          processInstanceKey);
    }
    transitions.terminate(ctx, instance);
    waiters.terminated(ctx, processInstanceKey);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
