package io.orderhub.domain.payment.infrastructure;

import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.shared.model.Money;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link SimulatedPaymentProvider}'s books in {@code payment.simulated_charge}: what a real
 * provider remembers on its side, so that its answers and refunds outlive a restart of the
 * application. One row per payment and simulated provider: each provider keeps its own books, so a
 * payment charged at two providers would show as two rows. Each statement is atomic; inside a
 * caller's transaction it joins it.
 */
public class SimulatorLedger {

  /** One charge as the provider knows it. */
  public record Charge(
      String provider,
      PaymentId paymentId,
      Money amount,
      PaymentCallback answer,
      int chargeRequests,
      boolean delivered,
      Optional<String> refundReference,
      int refundRequests) {}

  private final JdbcClient jdbc;

  public SimulatorLedger(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /**
   * Counts a charge request and records its answer the first time.
   *
   * @return true when this was the payment's first charge request
   */
  public boolean recordCharge(
      String provider, PaymentId paymentId, Money amount, PaymentCallback answer) {
    return jdbc.sql(
            """
            insert into payment.simulated_charge
              (provider, payment_id, amount, currency, answer, answer_reference, charge_requests)
            values (:provider, :id, :amount, :currency, :answer, :reference, 1)
            on conflict (payment_id, provider)
              do update set charge_requests = payment.simulated_charge.charge_requests + 1
            returning (xmax = 0) as inserted
            """)
        .param("provider", provider)
        .param("id", paymentId.value())
        .param("amount", amount.amount())
        .param("currency", amount.currency().getCurrencyCode())
        .param("answer", answer.status().name())
        .param("reference", answer.providerReference())
        .query(Boolean.class)
        .single();
  }

  /** The payment's charge in {@code provider}'s books. */
  public Optional<Charge> find(String provider, PaymentId paymentId) {
    return findAll(paymentId).stream().filter(c -> c.provider().equals(provider)).findFirst();
  }

  /** The payment's charges in every simulated provider's books (more than one: charged twice). */
  public List<Charge> findAll(PaymentId paymentId) {
    return jdbc.sql(
            "select * from payment.simulated_charge where payment_id = :id order by provider")
        .param("id", paymentId.value())
        .query(
            (rs, row) ->
                new Charge(
                    rs.getString("provider"),
                    paymentId,
                    Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                    new PaymentCallback(
                        paymentId,
                        PaymentCallback.Status.valueOf(rs.getString("answer")),
                        rs.getString("answer_reference")),
                    rs.getInt("charge_requests"),
                    rs.getTimestamp("delivered_at") != null,
                    Optional.ofNullable(rs.getString("refund_reference")),
                    rs.getInt("refund_requests")))
        .list();
  }

  /** The answers not yet delivered, oldest first. */
  public List<PaymentCallback> owed() {
    return jdbc.sql(
            """
            select payment_id, answer, answer_reference from payment.simulated_charge
            where delivered_at is null order by charged_at, payment_id
            """)
        .query(
            (rs, row) ->
                new PaymentCallback(
                    new PaymentId(rs.getObject("payment_id", UUID.class)),
                    PaymentCallback.Status.valueOf(rs.getString("answer")),
                    rs.getString("answer_reference")))
        .list();
  }

  public void markDelivered(PaymentId paymentId) {
    jdbc.sql(
            """
            update payment.simulated_charge set delivered_at = now()
            where payment_id = :id and delivered_at is null
            """)
        .param("id", paymentId.value())
        .update();
  }

  public void countRefundRequest(String provider, PaymentId paymentId) {
    jdbc.sql(
            """
            update payment.simulated_charge set refund_requests = refund_requests + 1
            where payment_id = :id and provider = :provider
            """)
        .param("provider", provider)
        .param("id", paymentId.value())
        .update();
  }

  /**
   * Records the refund once.
   *
   * @return the payment's refund reference: {@code reference}, or the one recorded before
   */
  public String recordRefund(String provider, PaymentId paymentId, String reference) {
    return jdbc.sql(
            """
            update payment.simulated_charge
            set refund_reference = coalesce(refund_reference, :reference)
            where payment_id = :id and provider = :provider
            returning refund_reference
            """)
        .param("provider", provider)
        .param("id", paymentId.value())
        .param("reference", reference)
        .query(String.class)
        .single();
  }
}
