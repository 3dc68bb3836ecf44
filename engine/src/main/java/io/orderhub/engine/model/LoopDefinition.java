package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/**
 * Multi-instance characteristics ({@code zeebe:loopCharacteristics}): one inner instance per item
 * of the input collection, in parallel or one after another.
 *
 * @param inputElement variable holding the item in each inner instance; null when not set
 * @param outputCollection variable collecting the output elements; null when not set
 * @param completionCondition ends the body early when true; null when not set
 */
public record LoopDefinition(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    Expression completionCondition) {}
