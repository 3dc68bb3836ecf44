/**
 * The order context: the {@link io.orderhub.domain.order.model.Order} aggregate and its lifecycle.
 *
 * <h2>States and transitions</h2>
 *
 * <p>Defined once, in {@link io.orderhub.domain.order.model.OrderStatus#allowedNext()}; this table
 * repeats it for readers (a test keeps the two equal). Every verb moves to exactly one target
 * state; it is legal only from the states whose row lists that target. An illegal verb throws
 * {@link io.orderhub.domain.order.model.IllegalOrderTransition} naming the order, its state and the
 * attempt; repeating the verb that led into the current state is a no-op (no event), so a
 * redelivered job is harmless. Each effective transition records one {@code Order…} event, which
 * reaches the outbox in the same transaction.
 *
 * <table>
 *   <caption>Order states, the states each may move to next (and the verb that does it)</caption>
 *   <tr><th>State</th><th>May move to (verb)</th><th>Meaning</th></tr>
 *   <tr><td>{@code CREATED}</td><td>{@code VALIDATED} (markValidated()), {@code REJECTED} (reject(reason)), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>placed; awaiting validation</td></tr>
 *   <tr><td>{@code VALIDATED}</td><td>{@code STOCK_RESERVED} (markStockReserved()), {@code OUT_OF_STOCK} (markOutOfStock(skus)), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>passed the business checks</td></tr>
 *   <tr><td>{@code REJECTED}</td><td>&mdash;</td><td>final: failed validation, nothing to undo</td></tr>
 *   <tr><td>{@code STOCK_RESERVED}</td><td>{@code PAYMENT_PENDING} (markPaymentRequested(payment)), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>stock held (compensation: ReleaseStock)</td></tr>
 *   <tr><td>{@code OUT_OF_STOCK}</td><td>{@code STOCK_RESERVED} (markStockReserved()), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>may be retried once restocked</td></tr>
 *   <tr><td>{@code PAYMENT_PENDING}</td><td>{@code PAID} (markPaid(payment)), {@code PAYMENT_FAILED} (markPaymentFailed(reason)), {@code PAYMENT_TIMED_OUT} (markPaymentTimedOut()), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>charge requested; awaiting the callback (compensation: RefundPayment)</td></tr>
 *   <tr><td>{@code PAID}</td><td>{@code ROUTED} (markRouted(warehouses)), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>captured</td></tr>
 *   <tr><td>{@code PAYMENT_FAILED}</td><td>{@code PAYMENT_PENDING} (markPaymentRequested(payment)), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>declined; may be retried</td></tr>
 *   <tr><td>{@code PAYMENT_TIMED_OUT}</td><td>{@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>the payment timer fired; a late capture is refunded</td></tr>
 *   <tr><td>{@code ROUTED}</td><td>{@code DISPATCHING} (markDispatching()), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>parcels planned</td></tr>
 *   <tr><td>{@code DISPATCHING}</td><td>{@code DISPATCHED} (markDispatched()), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>some parcels left (compensation: RecallShipment)</td></tr>
 *   <tr><td>{@code DISPATCHED}</td><td>{@code DELIVERED} (markDelivered()), {@code DELIVERY_FAILED} (markDeliveryFailed(reason)), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>all parcels left</td></tr>
 *   <tr><td>{@code DELIVERY_FAILED}</td><td>{@code DISPATCHED} (markDispatched()), {@code CANCELLATION_REQUESTED} (requestCancellation(reason))</td><td>an attempt failed; redelivered or cancelled</td></tr>
 *   <tr><td>{@code DELIVERED}</td><td>{@code COMPLETED} (complete()), {@code RETURN_REQUESTED} (requestReturn(reason))</td><td></td></tr>
 *   <tr><td>{@code COMPLETED}</td><td>{@code RETURN_REQUESTED} (requestReturn(reason))</td><td>the forward process ended; returns stay possible</td></tr>
 *   <tr><td>{@code CANCELLATION_REQUESTED}</td><td>{@code CANCELLED} (markCancelled())</td><td>compensations of the steps done so far run</td></tr>
 *   <tr><td>{@code CANCELLED}</td><td>&mdash;</td><td>final</td></tr>
 *   <tr><td>{@code RETURN_REQUESTED}</td><td>{@code RETURN_APPROVED} (approveReturn()), {@code RETURN_REJECTED} (rejectReturn(reason))</td><td>reverse logistics starts</td></tr>
 *   <tr><td>{@code RETURN_APPROVED}</td><td>{@code RETURN_PICKED_UP} (markReturnPickedUp())</td><td></td></tr>
 *   <tr><td>{@code RETURN_REJECTED}</td><td>{@code RETURN_REQUESTED} (requestReturn(reason))</td><td>resting state; the customer may ask again</td></tr>
 *   <tr><td>{@code RETURN_PICKED_UP}</td><td>{@code RETURN_RECEIVED} (markReturnReceived())</td><td></td></tr>
 *   <tr><td>{@code RETURN_RECEIVED}</td><td>{@code RETURN_INSPECTED} (markReturnInspected()), {@code RETURN_REJECTED} (rejectReturn(reason))</td><td>rejected when inspection fails</td></tr>
 *   <tr><td>{@code RETURN_INSPECTED}</td><td>{@code REFUNDED} (markRefunded(refund))</td><td>goods go back on the shelf (restock) and the refund runs</td></tr>
 *   <tr><td>{@code REFUNDED}</td><td>{@code RETURNED} (markReturned())</td><td></td></tr>
 *   <tr><td>{@code RETURNED}</td><td>&mdash;</td><td>final</td></tr>
 * </table>
 *
 * <p>Cancellation is accepted from every state before delivery except {@code REJECTED}, and is
 * irrevocable; after delivery only a return gives goods back.
 *
 * <h2>Persistence choice</h2>
 *
 * <p>The aggregate is mapped directly with JPA annotations (plus Hibernate's {@code OptimisticLock}
 * on the immutable lines) — no separate persistence model. The rules themselves, {@code
 * OrderStatus} and {@code OrderTransition}, are plain Java, and no model class imports Spring (an
 * ArchUnit test checks it). Optimistic locking by {@code @Version}: of two transactions changing
 * the same order, the second to commit fails.
 */
package io.orderhub.domain.order;
