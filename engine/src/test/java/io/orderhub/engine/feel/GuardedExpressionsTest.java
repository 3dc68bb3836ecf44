package io.orderhub.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuardedExpressionsTest {

  private static final String TOO_MANY = "iterates over more than 100000 items";

  // generous: these tests are about the guards, not about the budget on a loaded machine
  private final FeelEvaluator feel = new FeelEvaluator(() -> 0L, Duration.ofSeconds(30));

  private Evaluation evaluate(String text, Map<String, Object> variables) {
    return evaluate(feel, text, variables);
  }

  private static Evaluation evaluate(
      FeelEvaluator feel, String text, Map<String, Object> variables) {
    FeelEvaluator.ParseOutcome parsed = feel.parseFeel(text);
    assertThat(parsed.failure()).isNull();
    return feel.evaluate(parsed.expression(), variables);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the feel-engine builds these in one go without looking at the interrupt flag: before the
        // guard, each kept a CPU and gigabytes of heap busy for minutes after its budget
        "count(for x in 1..1000000000 return x)",
        "count(for x in 1..5000, y in 1..5000 return x)",
        "some x in 1..5000, y in 1..5000 satisfies x = -y",
        "every x in 1..1000000000 satisfies x > 0",
        "count(for x in 1000000000..1 return x)",
        "count(for x in 1..400, y in [1, 2], z in 1..400 return z)",
        "count(list: for x in 1..1000000000 return x)",
        "{a: for x in 1..1000000000 return x}.a"
      })
  void shouldRefuseIterationsBeyondTheLimitBeforeBuildingThem(String text) {
    // when: more of them than the evaluator lets run away past their budget
    for (int i = 0; i <= FeelEvaluator.MAX_RUNAWAYS; i++) {
      Evaluation result = evaluate(text, Map.of());

      // then
      assertThat(result.failure()).contains(TOO_MANY).doesNotContain("budget");
    }
    assertThat(evaluate("1 + 1", Map.of()).value()).isEqualTo(2L);
  }

  @Test
  void shouldCountTheSizesOfListVariables() {
    List<Integer> thousand = IntStream.range(0, 1_000).boxed().toList();
    List<Integer> thirty = IntStream.range(0, 30).boxed().toList();

    assertThat(evaluate("count(for x in a, y in a return x)", Map.of("a", thousand)).failure())
        .contains(TOO_MANY);
    assertThat(evaluate("count(for x in a, y in a return x)", Map.of("a", thirty)).value())
        .isEqualTo(900L);
  }

  @Test
  void shouldKeepTheMeaningOfIterationsWithinTheLimit() {
    assertThat(evaluate("for x in [1, 2], y in [3, 4] return x + y", Map.of()).value())
        .isEqualTo(List.of(4L, 5L, 5L, 6L));
    assertThat(evaluate("for x in 1..3, y in 1..2 return y", Map.of()).value())
        .isEqualTo(List.of(1L, 2L, 1L, 2L, 1L, 2L));
    assertThat(evaluate("for x in 3..1 return x", Map.of()).value()).isEqualTo(List.of(3L, 2L, 1L));
    assertThat(evaluate("some x in [1, 2], y in [2, 3] satisfies x = y", Map.of()).value())
        .isEqualTo(true);
    assertThat(evaluate("every x in items satisfies x > 0", Map.of("items", List.of(1, 2))).value())
        .isEqualTo(true);
    assertThat(evaluate("for i in 1..n return i * 2", Map.of("n", 3)).value())
        .isEqualTo(List.of(2L, 4L, 6L));
    // each nested iteration has its own limit; the budget bounds their sum
    assertThat(
            evaluate("count(for x in 1..50 return count(for y in 1..50 return y))", Map.of())
                .value())
        .isEqualTo(50L);
  }

  @Test
  void shouldNotLetExpressionsCallTheGuardFunctions() {
    // $ never starts a FEEL name
    assertThat(evaluate("x", Map.of("x", 1)).value()).isEqualTo(1L);
    FeelEvaluator.ParseOutcome parsed = feel.parseFeel("$orderhub:range(1, 2, 0, 0)");
    assertThat(parsed.failed()).isTrue();
  }

  @Test
  void shouldStopABacktrackingPatternAtTheBudget() {
    // java.util.regex never looks at the interrupt flag: the feel-engine's own matches() would
    // run this for hours, and after two of them every other FEEL evaluation would fail
    String hostile = "matches(\"" + "a".repeat(60) + "\", \"(.*a){20}b\")";

    FeelEvaluator budgeted = new FeelEvaluator(() -> 0L, Duration.ofMillis(500));

    for (int i = 0; i <= FeelEvaluator.MAX_RUNAWAYS; i++) {
      assertThat(evaluate(budgeted, hostile, Map.of()).failure())
          .contains("longer than its budget");
    }
    assertThat(evaluate(budgeted, "1 + 1", Map.of()).value()).isEqualTo(2L);
  }

  @Test
  void shouldKeepTheMeaningOfTheRegexFunctions() {
    assertThat(evaluate("matches(\"abc\", \"b\")", Map.of()).value()).isEqualTo(true);
    assertThat(evaluate("matches(\"abc\", \"^b\")", Map.of()).value()).isEqualTo(false);
    assertThat(evaluate("matches(\"ABC\", \"b\", \"i\")", Map.of()).value()).isEqualTo(true);
    assertThat(evaluate("matches(input: \"abc\", pattern: \"^a\")", Map.of()).value())
        .isEqualTo(true);
    assertThat(evaluate("replace(\"a1b22\", \"[0-9]+\", \"#\")", Map.of()).value())
        .isEqualTo("a#b#");
    assertThat(evaluate("replace(\"abc\", \"(b)\", \"[$1]\")", Map.of()).value())
        .isEqualTo("a[b]c");
    assertThat(evaluate("replace(\"A-a\", \"a\", \"x\", \"i\")", Map.of()).value())
        .isEqualTo("x-x");
    assertThat(evaluate("split(\"a,b,,c\", \",\")", Map.of()).value())
        .isEqualTo(List.of("a", "b", "", "c"));
    assertThat(evaluate("extract(\"a1b22\", \"[0-9]+\")", Map.of()).value())
        .isEqualTo(List.of("1", "22"));
    // as the feel-engine: a bad pattern or argument is null, not a failure
    assertThat(evaluate("matches(\"a\", \"(\")", Map.of()).value()).isNull();
    assertThat(evaluate("matches(1, \"a\")", Map.of()).value()).isNull();
  }
}
