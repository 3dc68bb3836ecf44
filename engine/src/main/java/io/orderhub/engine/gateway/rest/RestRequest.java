package io.orderhub.engine.gateway.rest;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/** What a route handler sees of an exchange: the path, its captured segments and the body. */
record RestRequest(
    String path, Map<String, String> pathParams, Headers headers, byte[] body, String query) {

  RestRequest(String path, Map<String, String> pathParams, Headers headers, byte[] body) {
    this(path, pathParams, headers, body, null);
  }

  /** A query parameter's (first) value, or null. */
  String queryParam(String name) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
        return eq < 0
            ? ""
            : java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The body as a JSON tree (searches read their operators generically); empty means {}. */
  com.fasterxml.jackson.databind.JsonNode jsonTree() {
    return json(com.fasterxml.jackson.databind.JsonNode.class);
  }

  <T> T json(Class<T> type) {
    return JsonCodec.read(body, type);
  }

  /** A key from the path; Camunda keys are decimal longs. */
  long pathKey(String name) {
    return RequestFields.key(pathParams.get(name), name);
  }

  String header(String name) {
    return headers.getFirst(name);
  }
}
