package io.orderhub.engine.api;

import java.util.List;

/** Moves a running instance to another process version, element by element. */
public record MigrateProcessInstanceCommand(
    long processInstanceKey, long targetProcessDefinitionKey, List<Mapping> mappings) {

  public record Mapping(String sourceElementId, String targetElementId) {}
}
