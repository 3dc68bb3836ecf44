package io.orderhub.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator's own guards; the engine-level behaviour is in robustness/BoundedWorkTest. */
public class FeelBudgetTest {

  /** Runs for minutes, within the iteration limit, and looks at the interrupt flag as it goes. */
  public static final String ENDLESS =
      "count(for x in 1..100000 return count(for y in 1..100000 return y))";

  private final FeelEvaluator feel = new FeelEvaluator(() -> 0L, Duration.ofMillis(200));

  @Test
  void shouldStopAnEvaluationThatExceedsItsTimeBudget() {
    Expression endless = feel.parseFeel(FeelBudgetTest.ENDLESS).expression();

    long started = System.nanoTime();
    Evaluation result = feel.evaluate(endless, Map.of());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.failure()).contains("longer than its budget of 200 ms");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    // the thread evaluates normally afterwards
    assertThat(feel.evaluate(feel.parseFeel("1 + 1").expression(), Map.of()).value()).isEqualTo(2L);
  }

  @Test
  void shouldReportTooDeeplyNestedExpressionsInsteadOfThrowing() {
    FeelEvaluator.ParseOutcome outcome = feel.parseFeel("(".repeat(1000) + "1" + ")".repeat(1000));

    assertThat(outcome.failed()).isTrue();
  }

  @Test
  void shouldKeepIntegersBeyondLongFromWrapping() {
    Evaluation result =
        feel.evaluate(feel.parseFeel("9223372036854775807 + 1").expression(), Map.of());

    assertThat(result.value()).isEqualTo(9.223372036854775808E18);
  }
}
