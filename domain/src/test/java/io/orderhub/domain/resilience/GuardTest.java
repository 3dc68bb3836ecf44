package io.orderhub.domain.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardTest {

  static final GuardSettings SETTINGS =
      new GuardSettings(Duration.ofMillis(200), 2, 50, 4, 4, Duration.ofMillis(300), 1);

  Guard guard = new Guard("test-dependency", SETTINGS);
  CountDownLatch hang = new CountDownLatch(1);

  @AfterEach
  void close() {
    hang.countDown();
    guard.close();
  }

  @Test
  void shouldBoundTheCallersWaitAndInterruptTheCall() {
    AtomicBoolean interrupted = new AtomicBoolean();
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                guard.run(
                    () -> {
                      try {
                        hang.await();
                      } catch (InterruptedException e) {
                        interrupted.set(true);
                      }
                    }))
        .isInstanceOfSatisfying(
            DependencyUnavailable.class,
            e -> assertThat(e.reason()).isEqualTo(DependencyUnavailable.Reason.TIMED_OUT))
        .hasMessage("Expected test-dependency to answer within PT0.2S, but it did not");

    // the wait is the timeout, not the hang (generous for a loaded machine)
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    await().atMost(5, TimeUnit.SECONDS).untilTrue(interrupted);
    await().atMost(5, TimeUnit.SECONDS).until(() -> guard.callsInFlight() == 0);
  }

  @Test
  void shouldPassOnWhatTheCallThrowsAndReturns() {
    assertThat(guard.call(() -> "answer")).isEqualTo("answer");
    assertThatThrownBy(
            () ->
                guard.run(
                    () -> {
                      throw new UnsupportedOperationException("boom");
                    }))
        .isExactlyInstanceOf(UnsupportedOperationException.class)
        .hasMessage("boom");
  }

  @Test
  void shouldOpenTheBreakerAfterFailuresAndRefuseWithoutCalling() {
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> guard.run(GuardTest::fail)).isInstanceOf(ArithmeticException.class);
    }
    assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(guard.permitsCalls()).isFalse();
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> guard.run(calls::incrementAndGet))
        .isInstanceOfSatisfying(
            DependencyUnavailable.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DependencyUnavailable.Reason.CIRCUIT_OPEN);
              assertThat(e.retryAfter()).isEqualTo(SETTINGS.waitInOpenState());
            })
        .hasMessageContaining("circuit breaker is OPEN");
    assertThat(calls).hasValue(0);

    // after the open time a probe goes through; its success closes the breaker
    await().atMost(5, TimeUnit.SECONDS).until(guard::permitsCalls);
    assertThat(guard.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    guard.run(calls::incrementAndGet);
    assertThat(calls).hasValue(1);
    assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void shouldNotOpenTheBreakerForContractViolations() {
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(
              () ->
                  guard.run(
                      () -> {
                        throw new IllegalStateException("nothing to refund");
                      }))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void shouldRefuseCallsBeyondTheBulkheadWhileTimedOutCallsStillHang() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> guard.run(this::hangUninterruptibly))
          .isInstanceOf(DependencyUnavailable.class);
    }
    // both callers gave up, but both calls still run: no third one is started
    assertThat(guard.callsInFlight()).isEqualTo(2);
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> guard.run(calls::incrementAndGet))
        .isInstanceOfSatisfying(
            DependencyUnavailable.class,
            e -> assertThat(e.reason()).isEqualTo(DependencyUnavailable.Reason.BULKHEAD_FULL))
        .hasMessage("Expected to call test-dependency, but 2 calls are in flight already");
    assertThat(calls).hasValue(0);

    hang.countDown();
    await().atMost(5, TimeUnit.SECONDS).until(() -> guard.callsInFlight() == 0);
    await()
        .atMost(5, TimeUnit.SECONDS)
        .ignoreExceptions()
        .until(() -> guard.call(calls::incrementAndGet) > 0);
  }

  private void hangUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        hang.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // like a blocking socket read: the interrupt does not end it
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void fail() {
    throw new ArithmeticException("provider failed");
  }
}
