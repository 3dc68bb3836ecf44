package io.orderhub.app.web;

import tools.jackson.core.JacksonException;

/**
 * Where in a JSON body a Jackson failure happened, as the API names fields ({@code lines[0].sku}).
 */
public final class JsonFieldPath {

  private JsonFieldPath() {}

  public static String of(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The failure as a 400 naming the field (or the body, when it is not JSON at all). */
  public static InvalidRequest invalid(JacksonException e) {
    String field = of(e);
    return InvalidRequest.of(
        field,
        field.isEmpty()
            ? "the body is not valid JSON: " + e.getOriginalMessage()
            : "has the wrong type or format");
  }
}
