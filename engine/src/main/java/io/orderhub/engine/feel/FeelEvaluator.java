package io.orderhub.engine.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /** Time one evaluation may take before it fails (and its element gets an incident). */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(1);

  /** Elements (of lists and contexts, nested ones included) a result may hold. */
  public static final int MAX_RESULT_ITEMS = 100_000;

  /** Characters the strings of a result may hold together. */
  public static final int MAX_RESULT_CHARS = 4 * 1024 * 1024;

  /** Evaluations past their budget that did not stop yet; beyond this, FEEL fails at once. */
  static final int MAX_RUNAWAYS = 2;

  private static final long GRACE_MILLIS = 50;

  private final FeelEngineApi feel;
  private final EvaluationBudget budget;
  private final GuardedExpressions guards = new GuardedExpressions();
  // evaluations run here so the caller (the processing thread) gets control back after the
  // budget even when the interpreter does not stop at once (a huge range is built in one go)
  private final java.util.concurrent.ExecutorService evaluators =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> Thread.ofPlatform().daemon().name("feel-evaluator").unstarted(r));
  private final java.util.Set<java.util.concurrent.CompletableFuture<Void>> runaways =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  public FeelEvaluator(LongSupplier clockMillis) {
    this(clockMillis, DEFAULT_TIME_BUDGET);
  }

  public FeelEvaluator(LongSupplier clockMillis, Duration timeBudget) {
    this.budget = new EvaluationBudget(timeBudget);
    FeelEngineClock clock =
        () ->
            ZonedDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(clockMillis.getAsLong()), java.time.ZoneOffset.UTC);
    this.feel =
        FeelEngineBuilder.forJava()
            .withEnabledExternalFunctions(false)
            .withFunctionProvider(guards)
            .withClock(clock)
            .build();
    // the first evaluation loads the interpreter's classes: never let it count against a budget
    feel.evaluate(
        feel.parseExpression("count(for x in [1, 2] return x + 1)").parsedExpression(), Map.of());
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
    ParseResult result;
    try {
      result = feel.parseExpression(source);
    } catch (StackOverflowError tooDeep) {
      return new ParseOutcome(null, "expression is nested too deeply to be parsed");
    }
    if (result.isFailure()) {
      return new ParseOutcome(null, result.failure().message());
    }
    return new ParseOutcome(Expression.feel(source, guards.guard(result.parsedExpression())), null);
  }

  /** Evaluates against the given variables; a static expression evaluates to its text. */
  public Evaluation evaluate(Expression expression, Map<String, Object> variables) {
    if (!expression.isFeel()) {
      return Evaluation.success(expression.source());
    }
    pruneRunaways();
    if (runaways.size() >= MAX_RUNAWAYS) {
      return failure(
          expression,
          "%d earlier evaluations that exceeded their budget are still running"
              .formatted(runaways.size()));
    }
    java.util.concurrent.CompletableFuture<Void> finished =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.Future<EvaluationResult> running =
        evaluators.submit(
            () -> {
              try (EvaluationBudget.Running watched = budget.start()) {
                guards.reset();
                EvaluationResult result = feel.evaluate(expression.parsed(), variables);
                if (watched.exceeded()) {
                  // stopped inside a function, which the interpreter reports as a null result
                  throw new InterruptedException();
                }
                return result;
              } finally {
                finished.complete(null);
              }
            });
    EvaluationResult result;
    try {
      result = running.get(budget.budget().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException tooLong) {
      // the watchdog keeps interrupting it; the caller goes on without waiting for it
      running.cancel(true);
      runaways.add(finished);
      return failure(
          expression,
          "it took longer than its budget of %d ms".formatted(budget.budget().toMillis()));
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof StackOverflowError) {
        return failure(expression, "it is nested or recurses too deeply");
      }
      if (cause instanceof InterruptedException) {
        return failure(
            expression,
            "it took longer than its budget of %d ms".formatted(budget.budget().toMillis()));
      }
      if (cause instanceof OutOfMemoryError) {
        return failure(expression, "it needs more memory than there is");
      }
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      return failure(expression, "the evaluation was interrupted");
    }
    if (result.isFailure()) {
      return failure(expression, result.failure().message());
    }
    String refused = IterationLimit.refusal(result);
    if (refused != null) {
      return failure(expression, refused);
    }
    Object value = result.result();
    String tooLarge = ResultSize.check(value, MAX_RESULT_ITEMS, MAX_RESULT_CHARS);
    if (tooLarge != null) {
      return failure(expression, tooLarge);
    }
    return Evaluation.success(normalize(value));
  }

  private void pruneRunaways() {
    runaways.removeIf(java.util.concurrent.CompletableFuture::isDone);
  }

  private static Evaluation failure(Expression expression, String reason) {
    String source = expression.source();
    if (source.length() > 200) {
      source = source.substring(0, 200) + "...";
    }
    return Evaluation.failure(
        "Expected to evaluate expression '%s', but %s".formatted(source, reason));
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
      // longValue() would wrap silently beyond 64 bits
      return normalize(new BigDecimal(integer));
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
