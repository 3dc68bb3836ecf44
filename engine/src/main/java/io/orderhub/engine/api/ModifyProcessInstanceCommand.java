package io.orderhub.engine.api;

import java.util.List;
import java.util.Map;

/**
 * Repairs a running instance: activates elements (creating their flow scopes when needed) and
 * terminates element instances. All instructions are checked before any is applied.
 */
public record ModifyProcessInstanceCommand(
    long processInstanceKey, List<Activate> activate, List<Terminate> terminate) {

  /**
   * @param ancestorElementInstanceKey the flow scope instance to activate in; 0 or negative lets
   *     the engine pick the only active one (or create it)
   */
  public record Activate(
      String elementId, long ancestorElementInstanceKey, List<VariableInstruction> variables) {}

  /** Variables for the new element; an empty scope id means the process instance's root scope. */
  public record VariableInstruction(String scopeId, Map<String, Object> variables) {}

  /** By key, or (key 0) every active instance of an element id. */
  public record Terminate(long elementInstanceKey, String elementId) {}
}
