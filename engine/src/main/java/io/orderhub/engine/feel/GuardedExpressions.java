package io.orderhub.engine.feel;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import scala.Product;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rewrites each parsed expression around the two places where the feel-engine does unbounded work
 * without looking at the thread's interrupt flag, so the time budget can stop every evaluation:
 *
 * <ul>
 *   <li>it builds a range ({@code 1..n}) and the cross product of several iterators ({@code for x
 *       in a, y in b}) in one go: every iterator's collection first passes through {@link
 *       IterationLimit}, which refuses more than {@link IterationLimit#MAX_ITERATIONS} items;
 *   <li>{@link java.util.regex} never stops a backtracking pattern: {@code matches}, {@code
 *       replace}, {@code split} and {@code extract} call {@link InterruptibleRegex} instead.
 * </ul>
 *
 * <p>The functions the rewrite calls have names the FEEL parser never produces, so an expression
 * cannot call them itself.
 */
final class GuardedExpressions extends JavaFunctionProvider {

  private static final String PREFIX = "$orderhub:";
  private static final String CHECK_RANGE = PREFIX + "range";
  private static final String CHECK_LIST = PREFIX + "list";

  private static final String SYNTAX_TREE = "org.camunda.feel.syntaxtree.";

  private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

  private final IterationLimit iterations = new IterationLimit();
  private final InterruptibleRegex regex = new InterruptibleRegex();

  /** Starts a new evaluation on the calling thread. */
  void reset() {
    iterations.reset();
  }

  ParsedExpression guard(ParsedExpression parsed) {
    return new ParsedExpression((Exp) new Rewrite().apply(parsed.expression()), parsed.text());
  }

  @Override
  public Optional<JavaFunction> resolveFunction(String name) {
    return resolveFunctions(name).stream().findFirst();
  }

  @Override
  public List<JavaFunction> resolveFunctions(String name) {
    if (CHECK_RANGE.equals(name)) {
      return List.of(iterations.checkRange);
    }
    if (CHECK_LIST.equals(name)) {
      return List.of(iterations.checkList);
    }
    if (name.startsWith(PREFIX)) {
      return regex.functions(name.substring(PREFIX.length()));
    }
    return List.of();
  }

  @Override
  public Collection<String> getFunctionNames() {
    List<String> names = new ArrayList<>(List.of(CHECK_RANGE, CHECK_LIST));
    InterruptibleRegex.NAMES.forEach(n -> names.add(PREFIX + n));
    return names;
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
      if (node instanceof scala.collection.immutable.Map<?, ?> map) {
        Map<Object, Object> rewritten = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> entry : CollectionConverters.asJava(map).entrySet()) {
          Object applied = apply(entry.getValue());
          rewritten.put(entry.getKey(), applied);
          changed |= applied != entry.getValue();
        }
        return changed
            ? scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(rewritten))
            : map;
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
      if (node instanceof FunctionInvocation call
          && InterruptibleRegex.NAMES.contains(call.function())) {
        return new FunctionInvocation(
            PREFIX + call.function(), (org.camunda.feel.syntaxtree.FunctionParameters) children[1]);
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
