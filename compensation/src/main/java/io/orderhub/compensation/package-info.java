/**
 * Compensation workers of the order process, each named as the inverse verb of its forward step:
 * {@link io.orderhub.compensation.ReleaseStock} undoes ReserveStock, {@link
 * io.orderhub.compensation.RefundPayment} undoes ChargePayment, {@link
 * io.orderhub.compensation.RecallShipment} undoes routing and dispatch. They run as BPMN
 * compensation handlers, only for steps that completed, most recent first.
 *
 * <p>Every one is idempotent and safe where there is nothing to undo; what it did is recorded by
 * the domain as events in the outbox ({@code StockReleased}, {@code PaymentRefunded} / {@code
 * PaymentVoided}, {@code ShipmentRecalled}) — and nothing is recorded when there was nothing to do.
 * Applications import {@link io.orderhub.compensation.CompensationConfiguration}.
 */
package io.orderhub.compensation;
