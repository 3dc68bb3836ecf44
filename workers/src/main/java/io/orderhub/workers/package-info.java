/**
 * Job workers of the order processes ({@code order-fulfillment}, {@code order-return}): one thin
 * class per job type that reads the job's variables into a command, calls a domain service and
 * returns a small map of variables. Applications import {@link
 * io.orderhub.workers.WorkersConfiguration}.
 *
 * <p>Contract of every worker: idempotent per order (a redelivered or retried job changes nothing
 * twice, because the domain services are idempotent per order and the order's verbs are no-ops when
 * repeated); a business failure becomes a BPMN error with a stable code ({@code INVALID_ORDER},
 * {@code OUT_OF_STOCK}, {@code PAYMENT_DECLINED}, {@code RETURN_REJECTED}); a technical failure
 * propagates, fails the job, and is retried after {@link
 * io.orderhub.workers.support.Workers#RETRY_BACKOFF_MILLIS} until the job's retries are used up
 * (then an incident).
 */
package io.orderhub.workers;
