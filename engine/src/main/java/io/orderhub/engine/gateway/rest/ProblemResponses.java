package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.ProblemDetail;
import io.orderhub.engine.api.EngineRejection;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 7807 bodies in the shape the client parses ({@code ProblemDetail}), with Camunda-style
 * upper-case titles so callers can switch on them as they do against Camunda.
 */
final class ProblemResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  private ProblemResponses() {}

  static RestResponse problem(int status, String title, String detail, String instance) {
    ProblemDetail body =
        new ProblemDetail()
            .type(ABOUT_BLANK)
            .title(title)
            .status(status)
            .detail(detail)
            .instance(instance);
    return new RestResponse(status, RestResponse.PROBLEM_JSON, JsonCodec.write(body), Map.of());
  }

  /** Anything a handler threw, as the answer the client should get. */
  static RestResponse fromException(Exception e, String instance) {
    return switch (e) {
      case RestProblem p -> problem(p.status(), p.title(), p.getMessage(), instance);
      case EngineRejection r -> fromRejection(r, instance);
      case InterruptedException i -> {
        Thread.currentThread().interrupt();
        yield problem(503, "UNAVAILABLE", "The gateway is shutting down", instance);
      }
      default -> {
        LOG.warn("Unexpected failure handling {}", instance, e);
        yield problem(500, "INTERNAL", "Unexpected error: " + e, instance);
      }
    };
  }

  static RestResponse fromRejection(EngineRejection rejection, String instance) {
    int status =
        switch (rejection.type()) {
          case INVALID_ARGUMENT -> 400;
          case NOT_FOUND -> 404;
          case ALREADY_EXISTS, INVALID_STATE -> 409;
          case RESOURCE_EXHAUSTED, UNAVAILABLE -> 503;
          case UNIMPLEMENTED -> 501;
        };
    return problem(status, rejection.type().name(), rejection.getMessage(), instance);
  }

  static RestResponse notFound(String method, String path) {
    return problem(404, "NOT_FOUND", "No endpoint " + method + " " + path, path);
  }

  static RestResponse unimplementedRoute(String method, String path) {
    return problem(
        501,
        "UNIMPLEMENTED",
        "The endpoint " + method + " " + path + " is not implemented by Order Hub",
        path);
  }

  static RestResponse methodNotAllowed(String method, String path, Set<String> allowed) {
    String allow = String.join(", ", allowed);
    return problem(
            405,
            "METHOD_NOT_ALLOWED",
            "Method " + method + " is not supported on " + path + "; use " + allow,
            path)
        .withHeader("Allow", allow);
  }
}
