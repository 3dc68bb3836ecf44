package io.orderhub.engine.feel;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Counts the items of each {@code for}, {@code some} and {@code every} of an evaluation before the
 * feel-engine builds them, and fails once the product of an iteration's iterators' sizes exceeds
 * {@link #MAX_ITERATIONS}.
 *
 * <p>The check fails through a function error, which the feel-engine only reports as a suppressed
 * failure next to a {@code null} result; {@link #refusal} finds it so the evaluation fails loudly.
 *
 * <p>Thread-safety: the counts live per thread; {@link #reset()} starts an evaluation's count.
 */
final class IterationLimit {

  /**
   * Items (the product of its iterators' sizes) one {@code for}, {@code some} or {@code every} may
   * visit.
   */
  static final long MAX_ITERATIONS = 100_000;

  private static final String REFUSED = "(the limit of one for, some or every)";

  final JavaFunction checkRange =
      new JavaFunction(
          List.of("start", "end", "iteration", "iterator"),
          args -> checkRange(args.get(0), args.get(1), args.get(2), args.get(3)));

  final JavaFunction checkList =
      new JavaFunction(
          List.of("list", "iteration", "iterator"),
          args -> checkList(args.get(0), args.get(1), args.get(2)));

  private final ThreadLocal<Map<Integer, long[]>> sizes = ThreadLocal.withInitial(HashMap::new);

  void reset() {
    sizes.get().clear();
  }

  /** Why the limit stopped the evaluation that gave this result, or null when it did not. */
  static String refusal(EvaluationResult result) {
    for (EvaluationFailure failure : CollectionConverters.asJava(result.suppressedFailures())) {
      String message = failure.failureMessage();
      int at = message.indexOf("it iterates over more than");
      if (at >= 0 && message.endsWith(REFUSED)) {
        return message.substring(at);
      }
    }
    return null;
  }

  private Val checkRange(Val start, Val end, Val iteration, Val iterator) {
    if (start instanceof ValNumber from && end instanceof ValNumber to) {
      BigDecimal span = to.value().bigDecimal().subtract(from.value().bigDecimal()).abs();
      long size =
          span.compareTo(BigDecimal.valueOf(MAX_ITERATIONS)) >= 0
              ? Long.MAX_VALUE
              : span.longValue() + 1;
      ValError tooMany = count(iteration, iterator, size);
      if (tooMany != null) {
        return tooMany;
      }
    }
    return end;
  }

  private Val checkList(Val list, Val iteration, Val iterator) {
    if (list instanceof ValList items) {
      ValError tooMany = count(iteration, iterator, items.items().size());
      if (tooMany != null) {
        return tooMany;
      }
    }
    return list;
  }

  private ValError count(Val iteration, Val iterator, long size) {
    int id = ((ValNumber) iteration).value().intValue();
    int index = ((ValNumber) iterator).value().intValue();
    Map<Integer, long[]> counts = sizes.get();
    long[] seen = counts.get(id);
    if (index == 0 || seen == null) {
      seen = new long[index + 1];
      counts.put(id, seen);
    } else if (seen.length <= index) {
      seen = Arrays.copyOf(seen, index + 1);
      counts.put(id, seen);
    }
    seen[index] = Math.max(seen[index], size);
    long product = 1;
    for (long each : seen) {
      // each factor is checked before it multiplies, so the product never exceeds MAX^2
      product *= Math.max(each, 1);
      if (each > MAX_ITERATIONS || product > MAX_ITERATIONS) {
        return new ValError(
            "it iterates over more than %d items %s".formatted(MAX_ITERATIONS, REFUSED));
      }
    }
    return null;
  }
}
