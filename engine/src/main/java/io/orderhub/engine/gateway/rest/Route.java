package io.orderhub.engine.gateway.rest;

/** One implemented endpoint: an HTTP method on a path template, and what answers it. */
record Route(String method, PathTemplate path, Handler handler) {

  @FunctionalInterface
  interface Handler {
    RestResponse handle(RestRequest request) throws Exception;
  }

  static Route get(String template, Handler handler) {
    return new Route("GET", PathTemplate.of(template), handler);
  }

  static Route post(String template, Handler handler) {
    return new Route("POST", PathTemplate.of(template), handler);
  }

  static Route put(String template, Handler handler) {
    return new Route("PUT", PathTemplate.of(template), handler);
  }

  static Route delete(String template, Handler handler) {
    return new Route("DELETE", PathTemplate.of(template), handler);
  }

  static Route patch(String template, Handler handler) {
    return new Route("PATCH", PathTemplate.of(template), handler);
  }
}
