/**
 * Publishing the domain's outbox to Kafka: {@link io.orderhub.app.events.OutboxRelayJob} runs the
 * domain's {@code OutboxRelay} on a schedule with {@link
 * io.orderhub.app.events.KafkaOutboxPublisher}, which sends each row to {@code orders.events} keyed
 * by its order id. Off unless {@code orderhub.events.kafka.enabled=true}, so the local run needs no
 * broker.
 */
package io.orderhub.app.events;
