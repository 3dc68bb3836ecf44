package io.orderhub.engine.state;

/** A timer; {@code elementInstanceKey} is -1 for a timer start event. */
public record Timer(
    long key,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String targetElementId,
    long dueDate,
    int repetitions,
    String cycleInterval) {}
