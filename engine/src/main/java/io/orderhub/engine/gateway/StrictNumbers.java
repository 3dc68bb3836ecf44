package io.orderhub.engine.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads free-form JSON values (variables, message and signal payloads) so that no number changes
 * its value on the way in. Variables hold 64-bit integers and doubles, as Zeebe's do: an integer
 * beyond the 64-bit range, or a decimal no double holds exactly (1e400, 0.1000000000000000000001),
 * is rejected with the field and the reason instead of wrapping or rounding silently. Send such
 * numbers as strings.
 */
public final class StrictNumbers extends StdDeserializer<Object> {

  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private StrictNumbers() {
    super(Object.class);
  }

  /** A module that makes every {@code Object}-typed value strict. */
  public static SimpleModule module() {
    return new SimpleModule("strict-numbers").addDeserializer(Object.class, new StrictNumbers());
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return read(p, ctxt, p.currentToken());
  }

  private Object read(JsonParser p, DeserializationContext ctxt, JsonToken token)
      throws IOException {
    if (token == null) {
      return null;
    }
    return switch (token) {
      case START_OBJECT, FIELD_NAME -> readObject(p, ctxt, token);
      case START_ARRAY -> readArray(p, ctxt);
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> integer(p, ctxt);
      case VALUE_NUMBER_FLOAT -> decimal(p, ctxt);
      case VALUE_EMBEDDED_OBJECT -> p.getEmbeddedObject();
      default -> ctxt.handleUnexpectedToken(Object.class, p);
    };
  }

  private Map<String, Object> readObject(JsonParser p, DeserializationContext ctxt, JsonToken first)
      throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    JsonToken token = first == JsonToken.START_OBJECT ? p.nextToken() : first;
    while (token == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      try {
        map.put(name, read(p, ctxt, value));
      } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
        throw com.fasterxml.jackson.databind.JsonMappingException.wrapWithPath(e, map, name);
      }
      token = p.nextToken();
    }
    return map;
  }

  private List<Object> readArray(JsonParser p, DeserializationContext ctxt) throws IOException {
    List<Object> list = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      try {
        list.add(read(p, ctxt, token));
      } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
        throw com.fasterxml.jackson.databind.JsonMappingException.wrapWithPath(
            e, list, list.size());
      }
    }
    return list;
  }

  private static Object integer(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    if (p.getNumberType() == JsonParser.NumberType.LONG) {
      return p.getLongValue();
    }
    BigInteger value = p.getBigIntegerValue();
    if (value.compareTo(MIN_LONG) >= 0 && value.compareTo(MAX_LONG) <= 0) {
      return value.longValue();
    }
    throw ctxt.weirdNumberException(
        value,
        Object.class,
        "Expected an integer within the 64-bit range [%d, %d], but got %s; send it as a string"
            .formatted(Long.MIN_VALUE, Long.MAX_VALUE, abbreviate(value.toString())));
  }

  private static Object decimal(JsonParser p, DeserializationContext ctxt) throws IOException {
    String text = p.getText();
    BigDecimal exact;
    try {
      exact = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw ctxt.weirdStringException(text, Object.class, "Expected a number, but got " + text);
    }
    double value = exact.doubleValue();
    if (Double.isInfinite(value)) {
      throw ctxt.weirdNumberException(
          exact,
          Object.class,
          "Expected a number within the range of a double (about ±1.8e308), but got %s; send it as a string"
              .formatted(abbreviate(text)));
    }
    if (new BigDecimal(Double.toString(value)).compareTo(exact) != 0) {
      throw ctxt.weirdNumberException(
          exact,
          Object.class,
          "Expected a number a double holds exactly, but %s would become %s; send it as a string"
              .formatted(abbreviate(text), value));
    }
    return value;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
