package io.orderhub.domain.order.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole transition table, through the aggregate's real verbs: every (state, transition) pair is
 * either legal (the state changes, one event is recorded), a repeat (nothing happens), or illegal
 * ({@link IllegalOrderTransition}, nothing changes).
 */
class OrderStateMachineTest {

  static Stream<Arguments> legalTransitions() {
    return pairs().filter(pair -> pair.transition.isAllowedFrom(pair.from)).map(Pair::arguments);
  }

  static Stream<Arguments> illegalTransitions() {
    return pairs()
        .filter(pair -> !pair.transition.isAllowedFrom(pair.from))
        .filter(pair -> pair.from != pair.transition.target())
        .map(Pair::arguments);
  }

  record Pair(OrderStatus from, OrderTransition transition) {
    Arguments arguments() {
      return Arguments.of(from, transition);
    }
  }

  static Stream<Pair> pairs() {
    return Arrays.stream(OrderStatus.values())
        .flatMap(from -> Arrays.stream(OrderTransition.values()).map(t -> new Pair(from, t)));
  }

  @ParameterizedTest(name = "{0} --{1}")
  @MethodSource("legalTransitions")
  void shouldMoveAlongLegalTransition(OrderStatus from, OrderTransition transition) {
    // given
    Order order = Transitions.orderIn(from);

    // when
    Transitions.apply(order, transition);

    // then
    assertThat(order.status()).isEqualTo(transition.target());
    assertThat(order.pullRecordedEvents()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} --{1}")
  @MethodSource("illegalTransitions")
  void shouldRefuseIllegalTransition(OrderStatus from, OrderTransition transition) {
    // given
    Order order = Transitions.orderIn(from);

    // when / then
    assertThatThrownBy(() -> Transitions.apply(order, transition))
        .isInstanceOfSatisfying(
            IllegalOrderTransition.class,
            e -> {
              assertThat(e.current()).isEqualTo(from);
              assertThat(e.attempted()).isEqualTo(transition);
              assertThat(e.orderId()).isEqualTo(order.orderId());
            })
        .hasMessageContaining(order.orderId().asString())
        .hasMessageContaining("but it is " + from)
        .hasMessageContaining(transition.verb())
        .hasMessageStartingWith("Expected order ");
    assertThat(order.status()).isEqualTo(from);
    assertThat(order.recordedEvents()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = "CREATED", mode = EnumSource.Mode.EXCLUDE)
  void shouldTreatRepeatedTransitionAsNoOp(OrderStatus state) {
    // given an order that got into the state, e.g. a job that is delivered again
    Order order = Transitions.orderIn(state);

    // when
    Transitions.apply(order, Transitions.transitionInto(state));

    // then
    assertThat(order.status()).isEqualTo(state);
    assertThat(order.recordedEvents()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void shouldReachEveryStateFromCreated(OrderStatus state) {
    assertThat(Transitions.orderIn(state).status()).isEqualTo(state);
  }

  @Test
  void shouldHaveExactlyOneVerbPerTargetState() {
    Set<OrderStatus> targets =
        Arrays.stream(OrderTransition.values())
            .map(OrderTransition::target)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderStatus.class)));

    assertThat(targets).hasSize(OrderTransition.values().length);
    assertThat(EnumSet.complementOf(EnumSet.copyOf(targets))).containsExactly(OrderStatus.CREATED);
  }

  @Test
  void shouldEndOnlyInFinalStates() {
    assertThat(
            Arrays.stream(OrderStatus.values())
                .filter(OrderStatus::isFinal)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            OrderStatus.REJECTED, OrderStatus.CANCELLED, OrderStatus.RETURNED);
  }

  @Test
  void shouldNameOrderStateAndAttemptInTheMessage() {
    Order order = Transitions.orderIn(OrderStatus.CANCELLED);

    assertThatThrownBy(() -> order.markPaid(PaymentReference.of("pay-9")))
        .hasMessage(
            "Expected order "
                + order.orderId()
                + " to allow markPaid (-> PAID), but it is CANCELLED; allowed next: []");
  }
}
