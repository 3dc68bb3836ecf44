package io.orderhub.engine.state;

import io.orderhub.engine.model.BpmnElementType;
import java.util.Set;

/** A live element instance. The process instance is the instance of the process element. */
public record ElementInstance(
    long key,
    long processInstanceKey,
    long flowScopeKey,
    long processDefinitionKey,
    String elementId,
    BpmnElementType elementType,
    Lifecycle lifecycle,
    String businessId,
    Set<String> tags,
    String tenantId,
    long parentElementInstanceKey) {

  public enum Lifecycle {
    ACTIVATING,
    ACTIVATED,
    COMPLETING,
    TERMINATING
  }

  ElementInstance withLifecycle(Lifecycle next) {
    return new ElementInstance(
        key,
        processInstanceKey,
        flowScopeKey,
        processDefinitionKey,
        elementId,
        elementType,
        next,
        businessId,
        tags,
        tenantId,
        parentElementInstanceKey);
  }

  public boolean isProcess() {
    return elementType == BpmnElementType.PROCESS;
  }
}
