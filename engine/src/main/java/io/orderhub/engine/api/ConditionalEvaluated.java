package io.orderhub.engine.api;

import java.util.List;

/** The answer to EvaluateConditional: the evaluation's key and the instances it started. */
public record ConditionalEvaluated(
    long conditionalEvaluationKey, String tenantId, List<StartedInstance> processInstances) {

  public record StartedInstance(long processDefinitionKey, long processInstanceKey) {}
}
