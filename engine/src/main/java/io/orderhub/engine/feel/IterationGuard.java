package io.orderhub.engine.feel;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.context.JavaFunctionProvider;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.IterationContext;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.SomeItem;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import scala.Product;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Caps how many items one {@code for}, {@code some} or {@code every} may iterate over, checked
 * before the feel-engine builds them.
 *
 * <p>The feel-engine builds a range ({@code 1..n}) and the cross product of several iterators
 * ({@code for x in a, y in b}) in one go, without looking at the thread's interrupt flag, so the
 * time budget cannot stop {@code for x in 1..1000000000} or {@code for x in 1..5000, y in 1..5000}:
 * they keep a CPU and gigabytes of heap busy long after their element failed. This guard rewrites
 * each parsed expression so that every iterator's collection first passes through a check that
 * knows the sizes of the iterators before it in the same expression and fails the evaluation once
 * their product exceeds {@link #MAX_ITERATIONS}.
 *
 * <p>The check fails through a function error, which the feel-engine only reports as a suppressed
 * failure next to a {@code null} result; {@link #refusal} finds it so the evaluation fails loudly.
 *
 * <p>Thread-safety: the counts live per thread; {@link #reset()} starts an evaluation's count.
 */
final class IterationGuard extends JavaFunctionProvider {

  /**
   * Items (the product of its iterators' sizes) one {@code for}, {@code some} or {@code every} may
   * visit.
   */
  static final long MAX_ITERATIONS = 100_000;

  // names no FEEL text can call: the parser never produces a name with these characters
  private static final String CHECK_RANGE = "$orderhub:range";
  private static final String CHECK_LIST = "$orderhub:list";

  private static final String SYNTAX_TREE = "org.camunda.feel.syntaxtree.";

  private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

  private static final String REFUSED = "(the limit of one for, some or every)";

  private final ThreadLocal<Map<Integer, long[]>> sizes = ThreadLocal.withInitial(HashMap::new);

  /** Starts counting for a new evaluation on the calling thread. */
  void reset() {
    sizes.get().clear();
  }

  /** The same expression, with every iterator's collection checked before it is built. */
  ParsedExpression guard(ParsedExpression parsed) {
    Rewrite rewrite = new Rewrite();
    return new ParsedExpression((Exp) rewrite.apply(parsed.expression()), parsed.text());
  }

  /** Why the guard stopped the evaluation that gave this result, or null when it did not. */
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

  @Override
  public Optional<JavaFunction> resolveFunction(String name) {
    return switch (name) {
      case CHECK_RANGE ->
          Optional.of(
              new JavaFunction(
                  List.of("start", "end", "iteration", "iterator"),
                  args -> checkRange(args.get(0), args.get(1), args.get(2), args.get(3))));
      case CHECK_LIST ->
          Optional.of(
              new JavaFunction(
                  List.of("list", "iteration", "iterator"),
                  args -> checkList(args.get(0), args.get(1), args.get(2))));
      default -> Optional.empty();
    };
  }

  @Override
  public Collection<String> getFunctionNames() {
    return List.of(CHECK_RANGE, CHECK_LIST);
  }

  private Val checkRange(Val start, Val end, Val iteration, Val iterator) {
    if (start instanceof ValNumber from && end instanceof ValNumber to) {
      java.math.BigDecimal span = to.value().bigDecimal().subtract(from.value().bigDecimal()).abs();
      long size =
          span.compareTo(java.math.BigDecimal.valueOf(MAX_ITERATIONS)) >= 0
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
      seen = java.util.Arrays.copyOf(seen, index + 1);
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

  /** Rebuilds the tree bottom-up; every iterating node gets its own number. */
  private static final class Rewrite {
    private int iterations;

    Object apply(Object node) {
      if (node instanceof scala.collection.immutable.List<?> list) {
        List<Object> rewritten = new ArrayList<>(list.size());
        boolean changed = false;
        for (Object item : CollectionConverters.asJava(list)) {
          Object applied = apply(item);
          rewritten.add(applied);
          changed |= applied != item;
        }
        return changed ? CollectionConverters.asScala(rewritten).toList() : list;
      }
      if (node instanceof Tuple2<?, ?> pair) {
        Object first = apply(pair._1());
        Object second = apply(pair._2());
        return first != pair._1() || second != pair._2() ? new Tuple2<>(first, second) : pair;
      }
      if (node instanceof scala.Some<?> some) {
        Object value = apply(some.value());
        return value != some.value() ? new scala.Some<>(value) : some;
      }
      // expressions and the nodes between them (function parameters, filters, ...)
      if (!(node instanceof Product product)
          || product.productArity() == 0
          || !node.getClass().getName().startsWith(SYNTAX_TREE)) {
        return node;
      }
      Object[] children = new Object[product.productArity()];
      boolean changed = false;
      for (int i = 0; i < children.length; i++) {
        Object child = product.productElement(i);
        children[i] = apply(child);
        changed |= children[i] != child;
      }
      if (node instanceof For || node instanceof SomeItem || node instanceof EveryItem) {
        // iterators are the first field of all three
        children[0] =
            checkIterators((scala.collection.immutable.List<?>) children[0], iterations++);
        changed = true;
      }
      return changed ? construct(node.getClass(), children) : node;
    }

    private Object checkIterators(scala.collection.immutable.List<?> iterators, int iteration) {
      List<Object> checked = new ArrayList<>(iterators.size());
      int index = 0;
      for (Object each : CollectionConverters.asJava(iterators)) {
        Tuple2<?, ?> iterator = (Tuple2<?, ?>) each;
        checked.add(new Tuple2<>(iterator._1(), check((Exp) iterator._2(), iteration, index++)));
      }
      return CollectionConverters.asScala(checked).toList();
    }

    private static Exp check(Exp collection, int iteration, int index) {
      if (collection instanceof IterationContext range) {
        return new IterationContext(
            range.start(),
            call(CHECK_RANGE, range.start(), range.end(), number(iteration), number(index)));
      }
      return call(CHECK_LIST, collection, number(iteration), number(index));
    }

    private static Exp call(String function, Exp... arguments) {
      return new FunctionInvocation(
          function,
          new PositionalFunctionParameters(
              CollectionConverters.asScala(List.of(arguments)).toList()));
    }

    private static Exp number(int value) {
      return new ConstNumber(
          new scala.math.BigDecimal(
              java.math.BigDecimal.valueOf(value), java.math.MathContext.DECIMAL128));
    }

    private static Object construct(Class<?> type, Object[] children) {
      Constructor<?> constructor =
          CONSTRUCTORS.computeIfAbsent(
              type,
              t -> {
                for (Constructor<?> candidate : t.getConstructors()) {
                  if (candidate.getParameterCount() == children.length) {
                    return candidate;
                  }
                }
                throw new IllegalStateException("no constructor for " + t);
              });
      try {
        return constructor.newInstance(children);
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
      }
    }
  }
}
