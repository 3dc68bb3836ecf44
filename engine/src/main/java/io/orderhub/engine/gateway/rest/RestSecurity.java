package io.orderhub.engine.gateway.rest;

import io.orderhub.engine.security.AuthMethod;
import io.orderhub.engine.security.AuthenticationException;
import io.orderhub.engine.security.Caller;
import io.orderhub.engine.security.EngineSecurity;
import java.util.Set;

/** The REST gateway's door: 401 without accepted credentials, 403 without the permission. */
final class RestSecurity {

  /**
   * The authenticated caller of the exchange being handled (searches filter by it); each exchange
   * runs on its own virtual thread, which the router clears when the answer is built.
   */
  static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();

  static final String REALM = "orderhub-engine";

  private RestSecurity() {}

  static RestResponse unauthenticated(
      EngineSecurity security, AuthenticationException e, String path) {
    String scheme = security.config().method() == AuthMethod.OIDC ? "Bearer" : "Basic";
    // the challenge lets a browser (the web UI) ask for the login and resend it
    return ProblemResponses.problem(401, "UNAUTHENTICATED", e.getMessage(), path)
        .withHeader("WWW-Authenticate", scheme + " realm=\"" + REALM + "\"");
  }

  /**
   * Refuses the request (403) when the caller lacks the route's permission; answers the request to
   * hand on, which for a search by a caller allowed on some resources only is narrowed to them.
   */
  static RestRequest authorize(
      EngineSecurity security, Caller caller, Route route, RestRequest request) {
    if (caller.unrestricted()) {
      return request;
    }
    RouteAccess.Requirement requirement = RouteAccess.of(route);
    if (requirement == null) {
      throw new RestProblem(
          403,
          "FORBIDDEN",
          "No authorization is defined for " + route.method() + " " + route.path().template());
    }
    if (requirement.type() == null) {
      return request;
    }
    if (requirement.narrowsSearch()) {
      Set<String> ids = security.allowedIds(caller, requirement.type(), requirement.permission());
      if (ids == null) {
        return request;
      }
      if (!ids.isEmpty()) {
        return SearchNarrowing.narrow(request, requirement.filterField(), ids);
      }
    }
    String resourceId = requirement.resourceIdOf(request);
    if (!security.allowed(caller, requirement.type(), requirement.permission(), resourceId)) {
      throw new RestProblem(
          403,
          "FORBIDDEN",
          "Insufficient permissions to perform operation '"
              + requirement.permission()
              + "' on resource '"
              + requirement.type()
              + "'"
              + ("*".equals(resourceId) ? "" : " '" + resourceId + "'")
              + " for '"
              + caller.name()
              + "'");
    }
    return request;
  }

  /** The caller of the exchange on this thread; unrestricted outside one (direct handler tests). */
  static Caller caller() {
    Caller caller = CALLER.get();
    return caller == null ? Caller.ANYONE : caller;
  }
}
