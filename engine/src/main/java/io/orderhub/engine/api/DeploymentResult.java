package io.orderhub.engine.api;

import java.util.List;

public record DeploymentResult(long key, String tenantId, List<DeployedProcess> processes) {

  public record DeployedProcess(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      String resourceName,
      String tenantId) {}
}
