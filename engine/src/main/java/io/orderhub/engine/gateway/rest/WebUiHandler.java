package io.orderhub.engine.gateway.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the web UI (module {@code operate}) from the classpath at {@code /operate/**} and {@code
 * /modeler/**}. Both mounts are the same single-page app, so any path without a file of its own
 * falls back to {@code index.html} and the app's router picks the page.
 *
 * <p>Only names made of plain segments are looked up (no {@code ..}, {@code .}, empty or
 * backslashed segments, after percent-decoding), so no request reaches a classpath resource outside
 * the UI folder. Vite names bundled files by content hash under {@code assets/}: those are cached
 * for a year; {@code index.html} must be revalidated so a new deployment is picked up at once.
 */
final class WebUiHandler implements HttpHandler {

  static final String CLASSPATH_ROOT = "io/orderhub/operate/ui/";
  static final List<String> MOUNTS = List.of("/operate", "/modeler");

  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("eot", "application/vnd.ms-fontobject"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";

  private final ClassLoader loader;
  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  WebUiHandler(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        sendText(exchange, 405, "Method " + method + " not allowed on the web UI");
        return;
      }
      Asset asset = resolve(exchange.getRequestURI());
      if (asset == null) {
        sendText(exchange, 404, "Not found: " + exchange.getRequestURI().getRawPath());
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", asset.contentType());
      exchange.getResponseHeaders().set("Cache-Control", asset.cacheControl());
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, asset.bytes().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(asset.bytes());
      }
    }
  }

  /** The asset a request URI names, the SPA's index for a page route, or null (404). */
  Asset resolve(URI uri) {
    String path = uri.getPath(); // percent-decoded
    String mount = MOUNTS.stream().filter(m -> isUnder(path, m)).findFirst().orElse(null);
    if (mount == null) {
      return null;
    }
    String relative = path.substring(mount.length());
    if (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    if (relative.isEmpty()) {
      return index();
    }
    List<String> segments = List.of(relative.split("/", -1));
    boolean trailingSlash = relative.endsWith("/");
    List<String> named = trailingSlash ? segments.subList(0, segments.size() - 1) : segments;
    for (String segment : named) {
      if (!isPlainSegment(segment)) {
        return null;
      }
    }
    String name = String.join("/", named);
    String last = named.getLast();
    boolean looksLikeFile = last.contains(".") && !trailingSlash;
    if (looksLikeFile) {
      // only files are served from the mount; a missing one is a 404, never the index, so a stale
      // bundle reference fails loudly instead of executing HTML as script
      return load(name)
          .map(bytes -> new Asset(bytes, contentType(last), cacheControl(name)))
          .orElse(null);
    }
    return index();
  }

  private Asset index() {
    return load("index.html")
        .map(bytes -> new Asset(bytes, CONTENT_TYPES.get("html"), REVALIDATE))
        .orElse(null);
  }

  private Optional<byte[]> load(String name) {
    return cache.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + n)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
          } catch (IOException e) {
            return Optional.empty();
          }
        });
  }

  private static boolean isUnder(String path, String mount) {
    return path.equals(mount) || path.startsWith(mount + "/");
  }

  private static boolean isPlainSegment(String segment) {
    return !segment.isEmpty()
        && !segment.equals(".")
        && !segment.equals("..")
        && segment.indexOf('\\') < 0
        && segment.indexOf('\0') < 0
        && segment.indexOf(':') < 0;
  }

  private static String contentType(String fileName) {
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase();
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static String cacheControl(String name) {
    return name.startsWith("assets/") ? IMMUTABLE : REVALIDATE;
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  record Asset(byte[] bytes, String contentType, String cacheControl) {}
}
