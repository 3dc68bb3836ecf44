package io.orderhub.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.engine.security.Identities.User;
import io.orderhub.engine.security.IdentityChanges;
import io.orderhub.engine.security.PasswordHashes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knocks on every REST door. The routes come from the router's own table, so a route added later is
 * knocked on too (and must have an authorization rule, or it is refused to everyone).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestDoorsTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
  private static final String NOBODY = "nobody";
  private static final String NOBODY_PASSWORD = "nobody-secret";

  @TempDir static Path dataDir;
  private Engine engine;
  private List<Route> routes;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  void start() throws Exception {
    engine =
        Engine.start(
            EngineConfig.defaults(dataDir)
                .withPorts(0, 0)
                .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()));
    // a user who may log in but holds no permission at all
    engine
        .security()
        .store()
        .update(
            ids ->
                IdentityChanges.putUser(
                    ids, new User(NOBODY, null, null, PasswordHashes.hash(NOBODY_PASSWORD))));
    try (RestRouter router =
        RestRouter.forEngine(engine.api(), engine.secondaryStorage(), engine.security())) {
      routes = router.routes();
    }
  }

  @AfterAll
  void stop() {
    engine.close();
  }

  @Test
  void everyRouteHasAnAuthorizationRule() {
    assertThat(routes).hasSizeGreaterThan(60);
    List<String> unruled = new ArrayList<>();
    for (Route route : routes) {
      if (RouteAccess.of(route) == null) {
        unruled.add(route.method() + " " + route.path().template());
      }
    }
    assertThat(unruled).as("routes without an authorization rule").isEmpty();
  }

  @Test
  void everyRouteRefusesRequestsWithoutAcceptedCredentials() throws Exception {
    String wrongPassword = basic(EngineCredentials.TEST_ADMIN.username(), "not-the-password");
    String unknownUser = basic("ghost", "boo");
    List<String> failures = new ArrayList<>();
    int knocks = 0;
    for (Route route : routes) {
      for (String authorization :
          new String[] {null, wrongPassword, unknownUser, "Bearer abc.def.ghi", "Basic !!!"}) {
        HttpResponse<String> response = knock(route, authorization);
        knocks++;
        if (response.statusCode() != 401
            || !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic")) {
          failures.add(describe(route, authorization, response));
        }
      }
    }
    System.out.printf(
        "REST doors: %d routes x 5 unaccepted identities = %d knocks%n", routes.size(), knocks);
    assertThat(failures).isEmpty();
  }

  @Test
  void everyGuardedRouteRefusesAUserWithoutThePermission() throws Exception {
    String nobody = basic(NOBODY, NOBODY_PASSWORD);
    List<String> failures = new ArrayList<>();
    int guarded = 0;
    for (Route route : routes) {
      HttpResponse<String> response = knock(route, nobody);
      boolean open = RouteAccess.of(route).type() == null;
      if (open
          ? response.statusCode() == 401 || response.statusCode() == 403
          : response.statusCode() != 403) {
        failures.add(describe(route, "nobody", response));
      }
      if (!open) {
        guarded++;
        assertThat(response.body()).contains("FORBIDDEN").contains("Insufficient permissions");
      }
    }
    System.out.printf("REST doors: %d guarded routes refuse a user without permission%n", guarded);
    assertThat(failures).isEmpty();
  }

  @Test
  void theAdminPassesEveryDoor() throws Exception {
    String admin =
        basic(EngineCredentials.TEST_ADMIN.username(), EngineCredentials.TEST_ADMIN.password());
    List<String> failures = new ArrayList<>();
    for (Route route : routes) {
      HttpResponse<String> response = knock(route, admin);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        failures.add(describe(route, "admin", response));
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theWebUiAsksTheBrowserToLogIn() throws Exception {
    for (String page : new String[] {"/operate/", "/modeler/"}) {
      HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(page)).GET(), null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .contains("Basic realm=\"orderhub-engine\"");
      HttpResponse<String> admin =
          send(
              HttpRequest.newBuilder(uri(page)).GET(),
              basic(
                  EngineCredentials.TEST_ADMIN.username(),
                  EngineCredentials.TEST_ADMIN.password()));
      assertThat(admin.statusCode()).as(page).isNotIn(401, 403);
    }
  }

  private HttpResponse<String> knock(Route route, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(concretePath(route)));
    if (route.method().equals("GET") || route.method().equals("DELETE")) {
      request.method(route.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
    }
    return send(request, authorization);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String authorization)
      throws Exception {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Keys become 1, names become x: either way the door is met before the resource is looked up. */
  private static String concretePath(Route route) {
    Matcher matcher = PLACEHOLDER.matcher(route.path().template());
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(path, matcher.group(1).endsWith("Key") ? "1" : "x");
    }
    matcher.appendTail(path);
    return path.toString();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + engine.restPort() + path);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String describe(Route route, String who, HttpResponse<String> response) {
    return route.method()
        + " "
        + route.path().template()
        + " as "
        + who
        + " -> "
        + response.statusCode()
        + " "
        + response.body();
  }
}
