package io.orderhub.domain.shared.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void shouldScaleToTheCurrencysMinorUnit() {
    assertThat(Money.of("5", "CNY")).isEqualTo(Money.of("5.00", "CNY"));
    assertThat(Money.of(new BigDecimal("5.0000"), "CNY").amount()).isEqualByComparingTo("5.00");
    assertThat(Money.of("500", "JPY").amount().scale()).isZero();
  }

  @Test
  void shouldRefuseFractionsBelowTheMinorUnit() {
    assertThatThrownBy(() -> Money.of("1.005", "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected an amount with at most 2 decimals for EUR, but got 1.005");
  }

  @Test
  void shouldRefuseAddingDifferentCurrencies() {
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "CNY")))
        .hasMessage("Expected an amount in EUR, but got one in CNY");
  }
}
