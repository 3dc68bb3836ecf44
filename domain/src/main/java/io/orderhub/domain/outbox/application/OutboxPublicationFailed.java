package io.orderhub.domain.outbox.application;

/** The publisher refused a batch; its rows stay unpublished and are offered again later. */
public class OutboxPublicationFailed extends RuntimeException {

  public OutboxPublicationFailed(int batchSize, long firstPosition, Throwable cause) {
    super(
        "Expected the publisher to accept "
            + batchSize
            + " outbox messages from position "
            + firstPosition
            + ", but it failed: "
            + cause,
        cause);
  }
}
