package io.orderhub.engine.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns what dmn-scala returns (Scala collections, Scala numbers, {@code None}) into the plain Java
 * values variables hold: maps, lists, longs or doubles, strings, booleans and null. Dates and
 * durations become their ISO text, as the FEEL evaluator writes them.
 */
final class Values {

  private Values() {}

  static Object toJava(Object value) {
    return switch (value) {
      case null -> null;
      case scala.None$ ignored -> null;
      case scala.Some<?> some -> toJava(some.value());
      case scala.math.BigDecimal decimal -> number(decimal.bigDecimal());
      case scala.math.BigInt integer -> number(new BigDecimal(integer.bigInteger()));
      case BigDecimal decimal -> number(decimal);
      case BigInteger integer -> number(new BigDecimal(integer));
      case scala.collection.Map<?, ?> map -> toJava(CollectionConverters.asJava(map));
      case scala.collection.Iterable<?> iterable -> toJava(CollectionConverters.asJava(iterable));
      case Map<?, ?> map -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), toJava(v)));
        yield copy;
      }
      case Iterable<?> iterable -> {
        List<Object> copy = new ArrayList<>();
        iterable.forEach(v -> copy.add(toJava(v)));
        yield copy;
      }
      case TemporalAccessor temporal -> temporal.toString();
      case Duration duration -> duration.toString();
      case Period period -> period.toString();
      default -> value;
    };
  }

  /** Whole numbers as longs, others as doubles: what a JSON variable would read as. */
  private static Object number(BigDecimal decimal) {
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException notIntegral) {
      return decimal.doubleValue();
    }
  }
}
