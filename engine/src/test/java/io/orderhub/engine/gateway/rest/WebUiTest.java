package io.orderhub.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web UI (module operate, on the classpath) as the REST gateway serves it. */
class WebUiTest {

  private RestGateway gateway;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    gateway = new RestGateway(new RecordingEngine(), 0).start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/operate",
        "/operate/",
        "/operate/processes",
        "/operate/processes/2251799813685249",
        "/operate/incidents",
        "/modeler",
        "/modeler/"
      })
  void shouldAnswerEveryPageRouteWithTheSinglePageApp(String path) throws Exception {
    HttpResponse<String> response = get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(response.body()).contains("<main id=\"app\">").contains("/operate/assets/");
  }

  @Test
  void shouldServeHashedAssetsAsImmutableWithTheirContentType() throws Exception {
    Matcher script =
        Pattern.compile("src=\"(/operate/assets/[^\"]+\\.js)\"").matcher(get("/operate").body());
    assertThat(script.find()).isTrue();

    HttpResponse<String> response = get(script.group(1));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void shouldAnswerAMissingAssetWith404NotTheIndex() throws Exception {
    assertThat(get("/operate/assets/missing-0000.js").statusCode()).isEqualTo(404);
    assertThat(get("/modeler/favicon.ico").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/operate/../io/orderhub/engine/Engine.class",
        "/operate/%2e%2e/%2e%2e/io/orderhub/engine/Engine.class",
        "/operate/..%2f..%2fio/orderhub/engine/Engine.class",
        "/operate/assets/..%5c..%5cEngine.class",
        "/operate/.%2findex.html",
        "/operate//index.html"
      })
  void shouldNeverLeaveTheUiFolder(String path) {
    WebUiHandler handler = new WebUiHandler(WebUiHandler.class.getClassLoader());

    assertThat(handler.resolve(URI.create(path))).isNull();
  }

  @Test
  void shouldFindTheClassesTheTraversalTestsAimAt() {
    // guards the test above: the target exists, so a null there means "refused", not "missing"
    assertThat(WebUiHandler.class.getClassLoader().getResource("io/orderhub/engine/Engine.class"))
        .isNotNull();
  }

  @Test
  void shouldRefuseWritesToTheUi() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + "/operate"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void shouldLeaveTheRestApiWhereItWas() throws Exception {
    assertThat(get("/v2/topology").statusCode()).isEqualTo(200);
    assertThat(get("/operatex").statusCode()).isEqualTo(404);
  }
}
