package io.orderhub.app.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how often the outbox is published ({@code orderhub.events.*}).
 *
 * @param topic the topic every order event goes to
 * @param partitions partitions of the topic when the application creates it
 * @param relayInterval pause between two relay runs
 * @param sendTimeout how long a batch may wait for the broker's acknowledgements; also bounds the
 *     producer's own blocking, so a dead broker fails a relay run instead of stalling it
 */
@ConfigurationProperties("orderhub.events")
public record EventsProperties(
    @DefaultValue("orders.events") String topic,
    @DefaultValue("3") int partitions,
    @DefaultValue("PT1S") Duration relayInterval,
    @DefaultValue("PT30S") Duration sendTimeout) {}
