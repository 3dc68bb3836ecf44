package io.orderhub.engine.model;

/** Element types, named as Zeebe names them in its records. */
public enum BpmnElementType {
  PROCESS,
  START_EVENT,
  END_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  TASK,
  MANUAL_TASK,
  SERVICE_TASK,
  SEND_TASK,
  BUSINESS_RULE_TASK,
  USER_TASK,
  SCRIPT_TASK,
  RECEIVE_TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  INCLUSIVE_GATEWAY,
  EVENT_BASED_GATEWAY,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  CALL_ACTIVITY,
  BOUNDARY_EVENT,
  MULTI_INSTANCE_BODY,
  SEQUENCE_FLOW;

  /** Elements whose instances are variable scopes holding child element instances. */
  public boolean isContainer() {
    return switch (this) {
      case PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS, MULTI_INSTANCE_BODY -> true;
      default -> false;
    };
  }

  public boolean isJobWorkerTask() {
    return switch (this) {
      case SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK, USER_TASK -> true;
      default -> false;
    };
  }
}
