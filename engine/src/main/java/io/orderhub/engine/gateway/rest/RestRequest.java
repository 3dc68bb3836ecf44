package io.orderhub.engine.gateway.rest;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/** What a route handler sees of an exchange: the path, its captured segments and the body. */
record RestRequest(String path, Map<String, String> pathParams, Headers headers, byte[] body) {

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
