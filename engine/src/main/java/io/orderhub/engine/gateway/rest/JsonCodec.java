package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads requests into, and writes responses from, the client's own REST model classes ({@code
 * io.camunda.client.protocol.rest}), so field names and types are exactly what the client sends and
 * parses.
 */
final class JsonCodec {

  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // newer clients may send fields we do not know yet; ignoring them keeps them working
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // "{} junk" is malformed, not an empty request
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // variables keep their value or are rejected: no wrapping beyond 64 bits, no Infinity
          .addModule(io.orderhub.engine.gateway.StrictNumbers.module())
          .build();

  private JsonCodec() {}

  /**
   * Parses a request body. An empty body or a JSON null reads as {@code {}}: several endpoints have
   * an optional body, and required fields are then reported by name by the caller.
   */
  static <T> T read(byte[] body, Class<T> type) {
    byte[] json = isBlank(body) ? EMPTY_OBJECT : body;
    try {
      T value = MAPPER.readValue(json, type);
      return value != null ? value : MAPPER.readValue(EMPTY_OBJECT, type);
    } catch (StreamConstraintsException e) {
      // e.g. nesting deeper than Jackson allows: a property of the request, not a server failure
      throw RestProblem.invalidArgument(
          "Request body exceeds a JSON limit: " + e.getOriginalMessage());
    } catch (StreamReadException e) {
      throw RestProblem.invalidArgument(
          "Malformed JSON request body: " + e.getOriginalMessage() + at(e.getLocation()));
    } catch (DatabindException e) {
      throw RestProblem.invalidArgument(describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
    }
  }

  private static String describe(DatabindException e) {
    String field = fieldPath(e);
    String reason =
        e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    if (field.isEmpty()) {
      return "Invalid request body: " + reason;
    }
    return "Invalid value for field '" + field + "': " + reason;
  }

  /** Renders Jackson's reference path as {@code startInstructions[0].elementId}. */
  private static String fieldPath(DatabindException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
