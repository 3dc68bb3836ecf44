package io.orderhub.app.events;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With the Kafka relay off (the shared context, as {@code ./orderhub run}), nothing ever publishes
 * the outbox: the purge deletes rows once they are older than the retention (default one hour)
 * instead of letting the table grow with every order.
 */
class OutboxPurgeTest extends ApplicationTest {

  @Autowired OutboxPurgeJob purge;
  @Autowired DataSource dataSource;

  @Test
  void shouldDropUnrelayedRowsOlderThanTheRetention() {
    Http.Response created =
        http().post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    String orderId = created.json().path("id").asString();
    assertThat(rows(orderId)).isPositive();

    purge.purgeAsOf(Instant.now());
    assertThat(rows(orderId)).as("younger than the retention: kept").isPositive();

    purge.purgeAsOf(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1));
    assertThat(rows(orderId)).isZero();
  }

  private long rows(String orderId) {
    return JdbcClient.create(dataSource)
        .sql("select count(*) from outbox.outbox_event where aggregate_id = :id")
        .param("id", orderId)
        .query(Long.class)
        .single();
  }
}
