package io.orderhub.engine.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Camunda 8.8+'s authorization resource types and the permissions each one knows (the names of the
 * client's {@code ResourceTypeEnum} and {@code PermissionTypeEnum}).
 */
public enum ResourceType {
  AUTHORIZATION(Permission.CREATE, Permission.READ, Permission.UPDATE, Permission.DELETE),
  BATCH(
      Permission.CREATE,
      Permission.CREATE_BATCH_OPERATION_CANCEL_PROCESS_INSTANCE,
      Permission.CREATE_BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE,
      Permission.CREATE_BATCH_OPERATION_MODIFY_PROCESS_INSTANCE,
      Permission.CREATE_BATCH_OPERATION_RESOLVE_INCIDENT,
      Permission.READ,
      Permission.UPDATE),
  COMPONENT(Permission.ACCESS),
  DECISION_DEFINITION(
      Permission.CREATE_DECISION_INSTANCE,
      Permission.READ_DECISION_DEFINITION,
      Permission.READ_DECISION_INSTANCE,
      Permission.DELETE_DECISION_INSTANCE),
  DECISION_REQUIREMENTS_DEFINITION(Permission.READ),
  GROUP(Permission.CREATE, Permission.READ, Permission.UPDATE, Permission.DELETE),
  MAPPING_RULE(Permission.CREATE, Permission.READ, Permission.UPDATE, Permission.DELETE),
  MESSAGE(Permission.CREATE, Permission.READ),
  PROCESS_DEFINITION(
      Permission.CREATE_PROCESS_INSTANCE,
      Permission.READ_PROCESS_DEFINITION,
      Permission.READ_PROCESS_INSTANCE,
      Permission.UPDATE_PROCESS_INSTANCE,
      Permission.MODIFY_PROCESS_INSTANCE,
      Permission.CANCEL_PROCESS_INSTANCE,
      Permission.DELETE_PROCESS_INSTANCE),
  RESOURCE(
      Permission.CREATE,
      Permission.READ,
      Permission.DELETE_DRD,
      Permission.DELETE_FORM,
      Permission.DELETE_PROCESS,
      Permission.DELETE_RESOURCE),
  ROLE(Permission.CREATE, Permission.READ, Permission.UPDATE, Permission.DELETE),
  SYSTEM(
      Permission.READ, Permission.READ_USAGE_METRIC, Permission.READ_JOB_METRIC, Permission.UPDATE),
  USER(Permission.CREATE, Permission.READ, Permission.UPDATE, Permission.DELETE);

  private final Set<Permission> permissions;

  ResourceType(Permission first, Permission... rest) {
    this.permissions = Set.copyOf(EnumSet.of(first, rest));
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  /** The permissions Camunda names, as the client's {@code PermissionTypeEnum}. */
  public enum Permission {
    ACCESS,
    CREATE,
    READ,
    UPDATE,
    DELETE,
    CREATE_BATCH_OPERATION_CANCEL_PROCESS_INSTANCE,
    CREATE_BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE,
    CREATE_BATCH_OPERATION_MODIFY_PROCESS_INSTANCE,
    CREATE_BATCH_OPERATION_RESOLVE_INCIDENT,
    CREATE_DECISION_INSTANCE,
    READ_DECISION_DEFINITION,
    READ_DECISION_INSTANCE,
    DELETE_DECISION_INSTANCE,
    CREATE_PROCESS_INSTANCE,
    READ_PROCESS_DEFINITION,
    READ_PROCESS_INSTANCE,
    UPDATE_PROCESS_INSTANCE,
    MODIFY_PROCESS_INSTANCE,
    CANCEL_PROCESS_INSTANCE,
    DELETE_PROCESS_INSTANCE,
    DELETE_DRD,
    DELETE_FORM,
    DELETE_PROCESS,
    DELETE_RESOURCE,
    READ_USAGE_METRIC,
    READ_JOB_METRIC
  }
}
