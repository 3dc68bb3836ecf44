package io.orderhub.engine.api;

/**
 * A command the engine refused. Gateways translate the {@link RejectionType} into a gRPC status or
 * an HTTP problem; the message is meant for the person who sent the command.
 */
public final class EngineRejection extends RuntimeException {

  private final RejectionType type;

  public EngineRejection(RejectionType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public RejectionType type() {
    return type;
  }

  public enum RejectionType {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    INVALID_STATE,
    /** Backpressure: the engine is saturated, retry later. */
    RESOURCE_EXHAUSTED,
    UNIMPLEMENTED,
    /** The engine is shutting down or not ready. */
    UNAVAILABLE
  }
}
