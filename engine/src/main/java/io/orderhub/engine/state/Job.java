package io.orderhub.engine.state;

import java.util.Map;

/** A job and where it is in its life: waiting for a worker, with a worker, or stuck. */
public record Job(
    long key,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    String elementId,
    String type,
    int retries,
    Map<String, String> customHeaders,
    String tenantId,
    Status status,
    String worker,
    long deadline,
    String errorMessage,
    long recurAt) {

  public enum Status {
    ACTIVATABLE,
    ACTIVATED,
    /** Failed with retries left and a back-off, or with no retries left (then an incident). */
    FAILED,
    /** A thrown error nobody catches: an incident holds it. */
    ERROR_THROWN
  }

  Job with(Status status, String worker, long deadline) {
    return copy(retries, status, worker, deadline, errorMessage, recurAt);
  }

  /** Failed with retries left and no back-off: activatable again at once. */
  Job withFailure(int retries, String errorMessage, long recurAt) {
    Status next = retries > 0 && recurAt == 0 ? Status.ACTIVATABLE : Status.FAILED;
    return copy(retries, next, null, 0, errorMessage, recurAt);
  }

  Job withRetries(int retries) {
    return copy(retries, status, worker, deadline, errorMessage, recurAt);
  }

  private Job copy(
      int retries, Status status, String worker, long deadline, String errorMessage, long recurAt) {
    return new Job(
        key,
        elementInstanceKey,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processDefinitionVersion,
        elementId,
        type,
        retries,
        customHeaders,
        tenantId,
        status,
        worker,
        deadline,
        errorMessage,
        recurAt);
  }
}
