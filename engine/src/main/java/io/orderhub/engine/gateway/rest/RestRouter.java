package io.orderhub.engine.gateway.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.exporter.SecondaryStorage;
import io.orderhub.engine.security.AuthenticationException;
import io.orderhub.engine.security.Caller;
import io.orderhub.engine.security.EngineSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches exchanges to routes and guarantees each one an answer: handler failures become problem
 * responses, unmatched paths become 404/405/501 problems.
 */
final class RestRouter implements HttpHandler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);

  /** Deployments are the largest bodies; anything beyond this is refused rather than buffered. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private final List<Route> routes;
  private final List<AutoCloseable> resources;
  private final EngineSecurity security;

  RestRouter(List<Route> routes) {
    this(routes, List.of());
  }

  RestRouter(List<Route> routes, List<AutoCloseable> resources) {
    this(routes, resources, EngineSecurity.disabled());
  }

  RestRouter(List<Route> routes, List<AutoCloseable> resources, EngineSecurity security) {
    this.routes = List.copyOf(routes);
    this.resources = List.copyOf(resources);
    this.security = security;
  }

  /** The routes this router serves (the door-knocking tests enumerate them). */
  List<Route> routes() {
    return routes;
  }

  /** Stops what the routes run in the background (batch operations). */
  @Override
  public void close() {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Expected to close {}, but it failed", resource, e);
      }
    }
  }

  static RestRouter forEngine(EngineApi engine) {
    return forEngine(engine, null);
  }

  static RestRouter forEngine(EngineApi engine, SecondaryStorage readModel) {
    return forEngine(engine, readModel, EngineSecurity.disabled());
  }

  static RestRouter forEngine(
      EngineApi engine, SecondaryStorage readModel, EngineSecurity security) {
    List<Route> routes = new ArrayList<>();
    List<AutoCloseable> resources = new ArrayList<>();
    if (readModel != null) {
      // searches first: among equally specific templates the first route wins
      ReadModelQueries queries = new ReadModelQueries(readModel.dataSource());
      routes.addAll(SearchRoutes.routes(queries));
      BatchOperations batches = new BatchOperations(engine, readModel.dataSource());
      resources.add(batches);
      routes.addAll(BatchOperationRoutes.routes(engine, queries, batches));
    }
    routes.addAll(ClusterRoutes.routes(engine));
    routes.addAll(DeploymentRoutes.routes(engine));
    routes.addAll(DecisionRoutes.routes(engine));
    routes.addAll(ProcessInstanceRoutes.routes(engine));
    routes.addAll(ProcessInstanceChangeRoutes.routes(engine));
    routes.addAll(JobRoutes.routes(engine));
    routes.addAll(MessageRoutes.routes(engine));
    routes.addAll(SignalRoutes.routes(engine));
    routes.addAll(IncidentRoutes.routes(engine));
    routes.addAll(VariableRoutes.routes(engine));
    routes.addAll(ConditionalRoutes.routes(engine));
    if (security.enabled()) {
      routes.addAll(IdentityRoutes.routes(security));
    }
    return new RestRouter(routes, resources, security);
  }

  @Override
  public void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    RestResponse response;
    try {
      Caller caller = security.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      RestSecurity.CALLER.set(caller);
      response = dispatch(exchange, path, caller);
    } catch (AuthenticationException e) {
      readBody(exchange.getRequestBody());
      response = RestSecurity.unauthenticated(security, e, path);
    } catch (Exception e) {
      response = ProblemResponses.fromException(e, path);
    } finally {
      RestSecurity.CALLER.remove();
    }
    try {
      send(exchange, response);
    } catch (IOException e) {
      // The client went away (e.g. gave up on a long poll); nothing left to answer.
      LOG.debug("Could not answer {} {}: {}", exchange.getRequestMethod(), path, e.toString());
    } finally {
      exchange.close();
    }
  }

  private RestResponse dispatch(HttpExchange exchange, String path, Caller caller)
      throws Exception {
    String method = exchange.getRequestMethod();
    // Literal segments beat placeholders: /v2/jobs/activation is not PATCH /v2/jobs/{jobKey}.
    int bestCaptures = Integer.MAX_VALUE;
    List<Route> candidates = new ArrayList<>();
    List<Map<String, String>> captures = new ArrayList<>();
    for (Route route : routes) {
      Map<String, String> params = route.path().match(path);
      if (params == null || params.size() > bestCaptures) {
        continue;
      }
      if (params.size() < bestCaptures) {
        bestCaptures = params.size();
        candidates.clear();
        captures.clear();
      }
      candidates.add(route);
      captures.add(params);
    }
    Set<String> allowed = new TreeSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      Route route = candidates.get(i);
      if (route.method().equals(method)) {
        byte[] body = readBody(exchange.getRequestBody());
        RestRequest request =
            new RestRequest(
                path,
                captures.get(i),
                exchange.getRequestHeaders(),
                body,
                exchange.getRequestURI().getRawQuery());
        return route.handler().handle(RestSecurity.authorize(security, caller, route, request));
      }
      allowed.add(route.method());
    }
    // Drain so the connection stays usable for the client's next request (keep-alive).
    readBody(exchange.getRequestBody());
    if (!allowed.isEmpty()) {
      return ProblemResponses.methodNotAllowed(method, path, allowed);
    }
    if (KnownCamundaRoutes.contains(path)) {
      return ProblemResponses.unimplementedRoute(method, path);
    }
    return ProblemResponses.notFound(method, path);
  }

  private static byte[] readBody(InputStream in) {
    byte[] body;
    try {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      // The JDK server reports a body shorter than its Content-Length, or a broken chunk, as an
      // IOException: the client's framing is wrong, which is its error (400), not ours (500).
      throw RestProblem.invalidArgument(
          "Malformed request body: it does not match its framing (Content-Length or chunked"
              + " encoding)");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new RestProblem(
          413, "PAYLOAD_TOO_LARGE", "Request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  private static void send(HttpExchange exchange, RestResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }
}
