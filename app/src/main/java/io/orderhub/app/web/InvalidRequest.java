package io.orderhub.app.web;

import java.util.List;

/**
 * A request that breaks the API's rules, with every offending field named. REST answers it as a 400
 * problem with {@code errors}, gRPC as INVALID_ARGUMENT with {@code google.rpc.BadRequest} details.
 */
public class InvalidRequest extends RuntimeException {

  private final List<FieldViolation> violations;

  public InvalidRequest(List<FieldViolation> violations) {
    super("Expected a valid request, but " + describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one violation, but got none");
    }
    this.violations = List.copyOf(violations);
  }

  public static InvalidRequest of(String field, String message) {
    return new InvalidRequest(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  private static String describe(List<FieldViolation> violations) {
    return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
  }
}
