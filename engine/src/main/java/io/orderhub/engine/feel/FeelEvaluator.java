package io.orderhub.engine.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Parses and evaluates FEEL through the Apache-2.0 feel-engine, with external (Java) functions
 * disabled so a model cannot call into the JVM. {@code now()} follows the engine clock.
 *
 * <p>Thread-safe: the feel-engine is stateless after construction.
 */
public final class FeelEvaluator {

  private final FeelEngineApi feel;

  public FeelEvaluator(LongSupplier clockMillis) {
    FeelEngineClock clock =
        () ->
            ZonedDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(clockMillis.getAsLong()), java.time.ZoneOffset.UTC);
    this.feel =
        FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).withClock(clock).build();
  }

  /**
   * Reads a model property: text starting with {@code =} is FEEL and must parse; anything else is a
   * static value.
   */
  public ParseOutcome parse(String text) {
    if (text == null) {
      return new ParseOutcome(null, null);
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("=")) {
      return new ParseOutcome(Expression.staticValue(text), null);
    }
    return parseFeel(trimmed.substring(1));
  }

  /** Reads text that is always FEEL, with or without the leading {@code =}. */
  public ParseOutcome parseFeel(String text) {
    String source = text.strip();
    if (source.startsWith("=")) {
      source = source.substring(1).strip();
    }
    if (source.isEmpty()) {
      return new ParseOutcome(null, "expression is empty");
    }
    ParseResult result = feel.parseExpression(source);
    if (result.isFailure()) {
      return new ParseOutcome(null, result.failure().message());
    }
    return new ParseOutcome(Expression.feel(source, result.parsedExpression()), null);
  }

  /** Evaluates against the given variables; a static expression evaluates to its text. */
  public Evaluation evaluate(Expression expression, Map<String, Object> variables) {
    if (!expression.isFeel()) {
      return Evaluation.success(expression.source());
    }
    EvaluationResult result = feel.evaluate(expression.parsed(), variables);
    if (result.isFailure()) {
      return Evaluation.failure(
          "Expected to evaluate expression '%s', but %s"
              .formatted(expression.source(), result.failure().message()));
    }
    return Evaluation.success(normalize(result.result()));
  }

  /** Turns FEEL's Java values into the JSON-friendly values variables hold. */
  static Object normalize(Object value) {
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException notIntegral) {
        return decimal.doubleValue();
      }
    }
    if (value instanceof BigInteger integer) {
      return integer.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(normalize(v)));
      return copy;
    }
    if (value instanceof java.time.temporal.TemporalAccessor
        || value instanceof java.time.Duration
        || value instanceof java.time.Period) {
      return value.toString();
    }
    return value;
  }

  /** The outcome of reading a model property: an expression, or why it could not be read. */
  public record ParseOutcome(Expression expression, String failure) {
    public boolean failed() {
      return failure != null;
    }
  }
}
