package io.orderhub.engine.processing;

import io.orderhub.engine.api.MigrateProcessInstanceCommand;
import io.orderhub.engine.api.MigrateProcessInstanceCommand.Mapping;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableProcess;
import io.orderhub.engine.record.EngineEvent.ProcessInstanceMigrated;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ProcessDefinition;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Process instance migration: every active element instance moves to the element its mapping
 * instruction names in the target version. Rejected, as Zeebe rejects it, when the target does not
 * exist, a mapping is duplicated or names unknown elements, an active element has no mapping, the
 * element type would change, an element would move to another flow scope, or tokens wait at a
 * joining gateway. Jobs keep their keys and workers; event subscriptions are reopened from the
 * target model.
 */
final class MigrationProcessor {

  private final ElementTransitions transitions;
  private final CatchEventBehavior catchEvents;

  MigrationProcessor(ElementTransitions transitions, CatchEventBehavior catchEvents) {
    this.transitions = transitions;
    this.catchEvents = catchEvents;
  }

  void migrate(ProcessingContext ctx, MigrateProcessInstanceCommand command) {
    long piKey = command.processInstanceKey();
    ElementInstance process =
        ctx.state()
            .elementInstance(piKey)
            .filter(ElementInstance::isProcess)
            .orElseThrow(
                () ->
                    Rejections.notFound(
                        "Expected to migrate process instance but no process instance found with"
                            + " key '%d'",
                        piKey));
    ProcessDefinition target =
        ctx.state()
            .process(command.targetProcessDefinitionKey())
            .orElseThrow(
                () ->
                    Rejections.notFound(
                        "Expected to migrate process instance to process definition but no process"
                            + " definition found with key '%d'",
                        command.targetProcessDefinitionKey()));
    ExecutableProcess source = ctx.state().executable(process.processDefinitionKey());
    ExecutableProcess targetModel = ctx.state().executable(target.key());
    Map<String, String> mapping = mappings(command, source, targetModel);
    List<ElementInstance> active = ctx.state().elementInstancesOf(piKey);
    for (ElementInstance instance : active) {
      if (instance.isProcess()) {
        continue;
      }
      check(ctx, instance, mapping, source, targetModel);
    }
    ctx.write(
        new ProcessInstanceMigrated(
            piKey, target.key(), target.bpmnProcessId(), target.version(), Map.copyOf(mapping)));
    // subscriptions are reopened from the target model (message names, timers may differ)
    for (ElementInstance instance : ctx.state().elementInstancesOf(piKey)) {
      catchEvents.unsubscribe(ctx, instance.key());
      ExecutableFlowNode node = transitions.node(ctx.state(), instance);
      if (instance.lifecycle() == ElementInstance.Lifecycle.ACTIVATED) {
        transitions.subscribeEventTriggers(ctx, instance, node);
        if (CatchEventBehavior.isCatchEvent(node)
            || node.type() == io.orderhub.engine.model.BpmnElementType.RECEIVE_TASK) {
          catchEvents.subscribe(ctx, instance, List.of(node));
        } else if (node.type() == io.orderhub.engine.model.BpmnElementType.EVENT_BASED_GATEWAY) {
          catchEvents.subscribe(ctx, instance, node.eventBasedTargets());
        }
      }
    }
  }

  private static Map<String, String> mappings(
      MigrateProcessInstanceCommand command, ExecutableProcess source, ExecutableProcess target) {
    Map<String, String> mapping = new HashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (Mapping m : command.mappings() == null ? List.<Mapping>of() : command.mappings()) {
      if (!source.elements().containsKey(m.sourceElementId())) {
        throw Rejections.invalidArgument(
            "Expected to migrate process instance '%d' but mapping instructions contain a"
                + " non-existing source element id '%s'",
            command.processInstanceKey(), m.sourceElementId());
      }
      if (!target.elements().containsKey(m.targetElementId())) {
        throw Rejections.invalidArgument(
            "Expected to migrate process instance '%d' but mapping instructions contain a"
                + " non-existing target element id '%s'",
            command.processInstanceKey(), m.targetElementId());
      }
      if (mapping.put(m.sourceElementId(), m.targetElementId()) != null) {
        duplicates.add(m.sourceElementId());
      }
    }
    if (!duplicates.isEmpty()) {
      throw Rejections.invalidArgument(
          "Expected to migrate process instance '%d' but the mapping instructions contain duplicate"
              + " source element ids '%s'",
          command.processInstanceKey(), duplicates);
    }
    return mapping;
  }

  private void check(
      ProcessingContext ctx,
      ElementInstance instance,
      Map<String, String> mapping,
      ExecutableProcess source,
      ExecutableProcess target) {
    String targetId = mapping.get(instance.elementId());
    if (targetId == null) {
      throw Rejections.invalidState(
          "Expected to migrate process instance '%d' but no mapping instruction defined for active"
              + " element with id '%s'. Elements cannot be migrated without a mapping.",
          instance.processInstanceKey(), instance.elementId());
    }
    ExecutableFlowNode from = source.element(instance.elementId());
    ExecutableFlowNode to = target.element(targetId);
    if (from.type() != to.type()) {
      throw Rejections.invalidState(
          "Expected to migrate process instance '%d' but active element with id '%s' and type '%s'"
              + " is mapped to an element with id '%s' and different type '%s'. Elements must be"
              + " mapped to elements of the same type.",
          instance.processInstanceKey(), from.id(), from.type(), to.id(), to.type());
    }
    String fromScope = from.flowScope() == null ? null : from.flowScope().id();
    String toScope = to.flowScope() == null ? null : to.flowScope().id();
    boolean rootToRoot =
        from.flowScope() != null
            && from.flowScope().flowScope() == null
            && to.flowScope() != null
            && to.flowScope().flowScope() == null;
    if (!rootToRoot && !Objects.equals(mapping.getOrDefault(fromScope, fromScope), toScope)) {
      throw Rejections.invalidState(
          "Expected to migrate process instance '%d' but the flow scope of active element with id"
              + " '%s' is changed. The flow scope of the active element is expected to be '%s' but"
              + " was '%s'.",
          instance.processInstanceKey(),
          from.id(),
          mapping.getOrDefault(fromScope, fromScope),
          toScope);
    }
    if (!ctx.state().joinTokens(instance.flowScopeKey()).isEmpty()
        || (instance.elementType().isContainer()
            && !ctx.state().joinTokens(instance.key()).isEmpty())) {
      throw Rejections.invalidState(
          "Expected to migrate process instance '%d' but tokens wait at a joining gateway in the"
              + " scope of '%s'; migrating waiting tokens is not supported",
          instance.processInstanceKey(), from.id());
    }
  }
}
