package io.orderhub.app.process;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;

/** Reads the Camunda client's failures, whichever transport (REST or gRPC) produced them. */
final class EngineErrors {

  private EngineErrors() {}

  /**
   * The engine refused because the thing exists already: a second active instance with the same
   * business id, a second message with the same id.
   */
  static boolean isAlreadyExists(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClientStatusException status
          && status.getStatusCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
      if (t instanceof ClientHttpException http && http.code() == 409) {
        return true;
      }
    }
    return false;
  }

  /** The engine rejected the command itself as malformed: repeating it cannot help. */
  static boolean isInvalidArgument(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClientStatusException status
          && status.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
        return true;
      }
      if (t instanceof ClientHttpException http && http.code() == 400) {
        return true;
      }
    }
    return false;
  }

  /** One line saying why the engine did not take a command. */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProblemException problem && problem.details() != null) {
        return "HTTP "
            + problem.code()
            + " "
            + problem.details().getTitle()
            + ": "
            + problem.details().getDetail();
      }
      if (t instanceof ClientHttpException http) {
        return "HTTP " + http.code() + " " + http.reason();
      }
      if (t instanceof ClientStatusException status) {
        return status.getStatusCode() + ": " + status.getStatus().getDescription();
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
