package io.orderhub.engine.api;

import java.util.List;

public record DeploymentResult(
    long key,
    String tenantId,
    List<DeployedProcess> processes,
    List<DeployedDecisionRequirements> decisionRequirements,
    List<DeployedDecision> decisions) {

  /** A deployment of processes only. */
  public DeploymentResult(long key, String tenantId, List<DeployedProcess> processes) {
    this(key, tenantId, processes, List.of(), List.of());
  }

  public record DeployedProcess(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      String resourceName,
      String tenantId) {}

  /** A DMN resource's decision requirements graph (its {@code definitions}). */
  public record DeployedDecisionRequirements(
      String decisionRequirementsId,
      String decisionRequirementsName,
      int version,
      long decisionRequirementsKey,
      String resourceName,
      String tenantId) {}

  public record DeployedDecision(
      String decisionId,
      String decisionName,
      int version,
      long decisionKey,
      String decisionRequirementsId,
      long decisionRequirementsKey,
      String tenantId) {}
}
