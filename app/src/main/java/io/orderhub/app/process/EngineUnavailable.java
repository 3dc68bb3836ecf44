package io.orderhub.app.process;

/**
 * The engine could not take a command (unreachable, overloaded, or it refused for a reason the
 * caller cannot fix). Whatever the caller changed in the database before stays; repeating the
 * request is safe and is what the client should do (REST 503, gRPC UNAVAILABLE).
 */
public class EngineUnavailable extends RuntimeException {

  public EngineUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
