package io.orderhub.domain.order.model;

import java.math.BigDecimal;

/**
 * The business checks an order must pass before stock is reserved — a policy in the sense of
 * ddd-by-examples: a small function answering with an allowance or a rejection, never throwing.
 *
 * @param maxQuantityPerLine the most units of one SKU one order may take
 * @param maxTotal the largest order total accepted without manual review
 */
public record OrderValidation(int maxQuantityPerLine, BigDecimal maxTotal) {

  public static final OrderValidation DEFAULT = new OrderValidation(999, new BigDecimal("1000000"));

  /** The verdict on one order. */
  public sealed interface Verdict {
    record Valid() implements Verdict {}

    record Invalid(String reason) implements Verdict {}
  }

  public Verdict check(Order order) {
    for (OrderLine line : order.lines()) {
      if (line.quantity() > maxQuantityPerLine) {
        return new Verdict.Invalid(
            "quantity "
                + line.quantity()
                + " of "
                + line.sku()
                + " exceeds the limit of "
                + maxQuantityPerLine);
      }
    }
    if (order.total().amount().compareTo(maxTotal) > 0) {
      return new Verdict.Invalid(
          "total " + order.total() + " exceeds the limit of " + maxTotal.toPlainString());
    }
    if (!order.total().isPositive()) {
      return new Verdict.Invalid("total " + order.total() + " is not positive");
    }
    return new Verdict.Valid();
  }
}
