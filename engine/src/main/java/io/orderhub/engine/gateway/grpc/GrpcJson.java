package io.orderhub.engine.gateway.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grpc.Status;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway protocol carries variables and custom headers as JSON documents inside strings; this
 * reads them into the plain Java values {@link io.orderhub.engine.api.EngineApi} expects and writes
 * results back.
 */
final class GrpcJson {

  // variables keep their value or are rejected (no wrapping beyond 64 bits, no Infinity), and
  // '{"a":1} junk' is malformed, not {"a":1}: REST refuses it too
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(io.orderhub.engine.gateway.StrictNumbers.module())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private GrpcJson() {}

  /**
   * Reads a JSON object; an empty string means no variables (proto3 default).
   *
   * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming {@code field} when the text is
   *     not a JSON object
   */
  static Map<String, Object> readObject(String field, String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    final Object value;
    try {
      value = MAPPER.readValue(json, Object.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw invalid(field, "has an invalid value at '" + path(e) + "': " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw invalid(field, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(value instanceof Map<?, ?>)) {
      throw invalid(field, "must be a JSON object, but was " + describe(MAPPER.valueToTree(value)));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Writes a map as a JSON object; null becomes "{}" so clients can always parse it. */
  static String write(Map<String, ?> values) {
    if (values == null || values.isEmpty()) {
      return "{}";
    }
    try {
      return MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      // engine values are plain JSON values; failing here is an engine bug, not the client's
      throw new IllegalStateException("Cannot serialise values to JSON: " + e.getMessage(), e);
    }
  }

  /** Writes any engine value (a decision output, say) as a JSON document; null is "null". */
  static String writeValue(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a value to JSON: " + e.getMessage(), e);
    }
  }

  private static String describe(JsonNode node) {
    return node == null ? "empty" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static RuntimeException invalid(String field, String problem) {
    return Status.INVALID_ARGUMENT
        .withDescription("Property '" + field + "' " + problem)
        .asRuntimeException();
  }
}
