package io.orderhub.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 7807 problems, like every other error of the API, with the {@code
 * WWW-Authenticate: Bearer ...} header of RFC 6750 (its {@code error_description} says why a token
 * was refused: expired, wrong audience …).
 */
public final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  /** No token, or one that is not valid here. */
  public static final URI UNAUTHENTICATED = URI.create("urn:orderhub:problem:unauthenticated");

  /** A valid token whose roles do not allow the operation. */
  public static final URI FORBIDDEN = URI.create("urn:orderhub:problem:forbidden");

  private static final JsonMapper JSON = JsonMapper.shared();

  private final BearerTokenAuthenticationEntryPoint bearerChallenge =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenial = new BearerTokenAccessDeniedHandler();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearerChallenge.commence(request, response, e);
    String detail =
        e instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null
            ? "The bearer token is refused: " + oauth.getError().getDescription()
            : "A bearer token is required (Authorization: Bearer <JWT>)";
    write(response, 401, UNAUTHENTICATED, "Not authenticated", detail, request);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    bearerDenial.handle(request, response, e);
    String detail =
        e.getMessage() != null && !e.getMessage().equals("Access Denied")
            ? e.getMessage()
            : "The token's roles do not allow "
                + request.getMethod()
                + " "
                + request.getRequestURI();
    write(response, 403, FORBIDDEN, "Forbidden", detail, request);
  }

  private static void write(
      HttpServletResponse response,
      int status,
      URI type,
      String title,
      String detail,
      HttpServletRequest request)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.toString());
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
    response.getWriter().flush();
  }
}
