package io.orderhub.engine.gateway.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.orderhub.engine.api.EngineRejection;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Translates engine failures into the gRPC status codes the Zeebe clients react to. */
final class GrpcErrors {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  static StatusRuntimeException toStatus(Throwable failure) {
    final Throwable cause = unwrap(failure);
    return switch (cause) {
      case StatusRuntimeException s -> s;
      case StatusException s -> s.getStatus().asRuntimeException(s.getTrailers());
      case EngineRejection r ->
          codeOf(r.type()).withDescription(r.getMessage()).asRuntimeException();
      // a timed-out awaited creation: clients treat this like their own deadline passing
      case TimeoutException t ->
          Status.DEADLINE_EXCEEDED.withDescription(message(t)).asRuntimeException();
      case CancellationException c ->
          Status.CANCELLED.withDescription(message(c)).asRuntimeException();
      default -> internal(cause);
    };
  }

  /** Unexpected failures are bugs: the client gets the message, the log gets the stack. */
  private static StatusRuntimeException internal(Throwable cause) {
    LOG.warn("Gateway request failed unexpectedly", cause);
    return Status.INTERNAL.withDescription(message(cause)).withCause(cause).asRuntimeException();
  }

  /** For RPCs whose documented answer to a missing entity is INVALID_ARGUMENT, not NOT_FOUND. */
  static <T> CompletableFuture<T> notFoundAsInvalidArgument(Throwable failure) {
    if (unwrap(failure) instanceof EngineRejection r
        && r.type() == EngineRejection.RejectionType.NOT_FOUND) {
      return CompletableFuture.failedFuture(
          Status.INVALID_ARGUMENT.withDescription(r.getMessage()).asRuntimeException());
    }
    return CompletableFuture.failedFuture(failure);
  }

  static StatusRuntimeException unimplemented(String rpc) {
    return Status.UNIMPLEMENTED
        .withDescription("Order Hub engine does not implement " + rpc + " yet")
        .asRuntimeException();
  }

  static Status codeOf(EngineRejection.RejectionType type) {
    return switch (type) {
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.NOT_FOUND;
      case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
      case INVALID_STATE -> Status.FAILED_PRECONDITION;
      case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
      case UNIMPLEMENTED -> Status.UNIMPLEMENTED;
      case UNAVAILABLE -> Status.UNAVAILABLE;
    };
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String message(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
