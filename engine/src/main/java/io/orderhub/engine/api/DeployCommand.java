package io.orderhub.engine.api;

import java.util.List;

public record DeployCommand(List<Resource> resources, String tenantId) {

  public record Resource(String name, byte[] content) {}
}
