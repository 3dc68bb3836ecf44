package io.orderhub.engine.gateway.rest;

import java.util.HashMap;
import java.util.Map;

/** A complete answer to send; a null body means none (204). */
record RestResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  static RestResponse json(Object value) {
    return new RestResponse(200, JSON, JsonCodec.write(value), Map.of());
  }

  static RestResponse noContent() {
    return new RestResponse(204, null, null, Map.of());
  }

  RestResponse withHeader(String name, String value) {
    Map<String, String> merged = new HashMap<>(headers);
    merged.put(name, value);
    return new RestResponse(status, contentType, body, Map.copyOf(merged));
  }
}
