package io.orderhub.engine.gateway.rest;

/**
 * A request the gateway itself refuses (bad input, unsupported feature, timeout); the router turns
 * it into a problem response.
 */
final class RestProblem extends RuntimeException {

  private final int status;
  private final String title;

  RestProblem(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  static RestProblem invalidArgument(String detail) {
    return new RestProblem(400, "INVALID_ARGUMENT", detail);
  }

  static RestProblem missingField(String field) {
    return invalidArgument("No " + field + " provided: the field '" + field + "' is required");
  }

  static RestProblem unimplemented(String detail) {
    return new RestProblem(501, "UNIMPLEMENTED", detail);
  }

  static RestProblem deadlineExceeded(String detail) {
    return new RestProblem(504, "DEADLINE_EXCEEDED", detail);
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
