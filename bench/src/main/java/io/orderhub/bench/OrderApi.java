package io.orderhub.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One transport of the order API as the bench drives it. Implementations are thread-safe; a created
 * order's future completes with its id, a refused one (any answer but 201 / OK) exceptionally.
 */
interface OrderApi extends AutoCloseable {

  String name();

  CompletableFuture<String> create(String customerId, String idempotencyKey);

  @Override
  void close();
}
