package io.orderhub.engine.processing;

import io.orderhub.engine.api.ModifyProcessInstanceCommand;
import io.orderhub.engine.api.ModifyProcessInstanceCommand.Activate;
import io.orderhub.engine.api.ModifyProcessInstanceCommand.Terminate;
import io.orderhub.engine.api.ModifyProcessInstanceCommand.VariableInstruction;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableProcess;
import io.orderhub.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * Process instance modification: activates elements (in the flow scope instance the ancestor key
 * names, in the only active one, or in a new one) with variables, and terminates element instances.
 * Every instruction is checked before any is applied, so a rejected modification changes nothing. A
 * flow scope left with nothing active after termination is terminated too, up to the process
 * instance.
 */
final class ModificationProcessor {

  private final ElementTransitions transitions;
  private final VariableBehavior variables;
  private final ResultWaiters waiters;

  ModificationProcessor(
      ElementTransitions transitions, VariableBehavior variables, ResultWaiters waiters) {
    this.transitions = transitions;
    this.variables = variables;
    this.waiters = waiters;
  }

  void modify(ProcessingContext ctx, ModifyProcessInstanceCommand command) {
    long piKey = command.processInstanceKey();
    ElementInstance process =
        ctx.state()
            .elementInstance(piKey)
            .filter(ElementInstance::isProcess)
            .orElseThrow(
                () ->
                    Rejections.notFound(
                        "Expected to modify process instance but no process instance found with"
                            + " key '%d'",
                        piKey));
    ExecutableProcess model = ctx.state().executable(process.processDefinitionKey());
    List<Activate> activations = command.activate() == null ? List.of() : command.activate();
    for (Activate activate : activations) {
      check(ctx, model, process, activate);
    }
    List<ElementInstance> toTerminate = new ArrayList<>();
    for (Terminate terminate :
        command.terminate() == null ? List.<Terminate>of() : command.terminate()) {
      toTerminate.addAll(resolve(ctx, piKey, terminate));
    }
    for (Activate activate : activations) {
      ExecutableFlowNode node = model.element(activate.elementId());
      ElementInstance scope =
          scopeFor(ctx, model, process, node.flowScope(), activate.ancestorElementInstanceKey());
      for (VariableInstruction instruction :
          activate.variables() == null ? List.<VariableInstruction>of() : activate.variables()) {
        long scopeKey = variableScope(ctx, process, scope, instruction.scopeId());
        variables.setLocal(ctx, scopeKey, piKey, instruction.variables());
      }
      transitions.activate(ctx, node, scope);
    }
    for (ElementInstance instance : toTerminate) {
      ctx.state()
          .elementInstance(instance.key())
          .ifPresent(
              current -> {
                long scopeKey = current.flowScopeKey();
                transitions.terminate(ctx, current);
                ctx.followUp(() -> terminateIfEmpty(ctx, scopeKey));
              });
    }
  }

  private void check(
      ProcessingContext ctx, ExecutableProcess model, ElementInstance process, Activate activate) {
    ExecutableFlowNode node = model.elements().get(activate.elementId());
    if (node == null || node.flowScope() == null) {
      throw Rejections.invalidArgument(
          "Expected to modify instance of process '%s' but it contains one or more activate"
              + " instructions with an element that could not be found: '%s'",
          model.bpmnProcessId(), activate.elementId());
    }
    if (node.flowScope().type() == BpmnElementType.MULTI_INSTANCE_BODY
        || node.type() == BpmnElementType.BOUNDARY_EVENT
        || (node.type() == BpmnElementType.START_EVENT
            && node.flowScope().type() == BpmnElementType.EVENT_SUB_PROCESS)) {
      throw Rejections.invalidArgument(
          "Expected to modify instance of process '%s' but it contains one or more activate"
              + " instructions for an element that cannot be activated directly: '%s'",
          model.bpmnProcessId(), activate.elementId());
    }
    for (VariableInstruction instruction :
        activate.variables() == null ? List.<VariableInstruction>of() : activate.variables()) {
      String scopeId = instruction.scopeId();
      if (scopeId != null
          && !scopeId.isBlank()
          && !model.bpmnProcessId().equals(scopeId)
          && !encloses(scopeId, node)) {
        throw Rejections.invalidArgument(
            "Expected to modify instance of process '%s' but it contains one or more variable"
                + " instructions with a scope element id that is not a flow scope of '%s': '%s'",
            model.bpmnProcessId(), activate.elementId(), scopeId);
      }
    }
    if (activate.ancestorElementInstanceKey() > 0) {
      ElementInstance ancestor =
          ctx.state().elementInstance(activate.ancestorElementInstanceKey()).orElse(null);
      if (ancestor == null
          || ancestor.processInstanceKey() != process.key()
          || !encloses(ancestor.elementId(), node)) {
        throw Rejections.invalidArgument(
            "Expected to modify instance of process '%s' but it contains one or more activate"
                + " instructions with an ancestor scope key that does not exist, or is not in a"
                + " direct ancestor of the element: '%d'",
            model.bpmnProcessId(), activate.ancestorElementInstanceKey());
      }
      return;
    }
    List<ElementInstance> scopes = activeInstancesOf(ctx, process.key(), node.flowScope());
    if (scopes.size() > 1) {
      throw Rejections.invalidArgument(
          "Expected to modify instance of process '%s' but it contains one or more activate"
              + " instructions for element '%s' whose flow scope has more than one active instance;"
              + " name the ancestor element instance key",
          model.bpmnProcessId(), activate.elementId());
    }
  }

  private static boolean encloses(String scopeId, ExecutableFlowNode node) {
    for (ExecutableFlowNode scope = node.flowScope(); scope != null; scope = scope.flowScope()) {
      if (scope.id().equals(scopeId)) {
        return true;
      }
    }
    return false;
  }

  private List<ElementInstance> resolve(ProcessingContext ctx, long piKey, Terminate terminate) {
    if (terminate.elementInstanceKey() > 0) {
      ElementInstance instance =
          ctx.state().elementInstance(terminate.elementInstanceKey()).orElse(null);
      if (instance == null || instance.processInstanceKey() != piKey || instance.isProcess()) {
        throw Rejections.invalidArgument(
            "Expected to modify instance of process but it contains one or more terminate"
                + " instructions with an element instance that could not be found: '%d'",
            terminate.elementInstanceKey());
      }
      return List.of(instance);
    }
    return ctx.state().elementInstancesOf(piKey).stream()
        .filter(e -> !e.isProcess() && e.elementId().equals(terminate.elementId()))
        .toList();
  }

  /** The flow scope instance for a new element: named, the only active one, or created. */
  private ElementInstance scopeFor(
      ProcessingContext ctx,
      ExecutableProcess model,
      ElementInstance process,
      ExecutableFlowNode scopeNode,
      long ancestorKey) {
    if (scopeNode.type() == BpmnElementType.PROCESS) {
      return process;
    }
    if (ancestorKey > 0) {
      ElementInstance ancestor = ctx.state().requireElementInstance(ancestorKey);
      if (ancestor.elementId().equals(scopeNode.id())) {
        return ancestor;
      }
      ElementInstance parent = scopeFor(ctx, model, process, scopeNode.flowScope(), ancestorKey);
      return transitions.activateScopeOnly(ctx, scopeNode, parent);
    }
    List<ElementInstance> active = activeInstancesOf(ctx, process.key(), scopeNode);
    if (!active.isEmpty()) {
      return active.get(0);
    }
    ElementInstance parent = scopeFor(ctx, model, process, scopeNode.flowScope(), 0);
    return transitions.activateScopeOnly(ctx, scopeNode, parent);
  }

  private static List<ElementInstance> activeInstancesOf(
      ProcessingContext ctx, long piKey, ExecutableFlowNode node) {
    if (node.type() == BpmnElementType.PROCESS) {
      return List.of(ctx.state().requireElementInstance(piKey));
    }
    return ctx.state().elementInstancesOf(piKey).stream()
        .filter(e -> e.elementId().equals(node.id()) && e.elementType() == node.type())
        .toList();
  }

  private static long variableScope(
      ProcessingContext ctx, ElementInstance process, ElementInstance scope, String scopeId) {
    if (scopeId == null || scopeId.isBlank() || scopeId.equals(process.elementId())) {
      return process.key();
    }
    for (ElementInstance current = scope;
        current != null;
        current =
            current.flowScopeKey() > 0
                ? ctx.state().elementInstance(current.flowScopeKey()).orElse(null)
                : null) {
      if (current.elementId().equals(scopeId)) {
        return current.key();
      }
    }
    throw Rejections.invalidArgument(
        "Expected to modify instance of process but it contains one or more variable"
            + " instructions with a scope element id that could not be found: '%s'",
        scopeId);
  }

  private void terminateIfEmpty(ProcessingContext ctx, long scopeKey) {
    ElementInstance scope = ctx.state().elementInstance(scopeKey).orElse(null);
    if (scope == null
        || !ctx.state().children(scopeKey).isEmpty()
        || !ctx.state().joinTokens(scopeKey).isEmpty()) {
      return;
    }
    long parent = scope.flowScopeKey();
    transitions.terminate(ctx, scope);
    if (scope.isProcess()) {
      waiters.terminated(ctx, scope.key());
    } else {
      terminateIfEmpty(ctx, parent);
    }
  }
}
