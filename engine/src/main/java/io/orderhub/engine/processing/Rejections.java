package io.orderhub.engine.processing;

import io.orderhub.engine.api.EngineRejection;
import io.orderhub.engine.api.EngineRejection.RejectionType;

/** Rejections of commands, with messages in the style Zeebe's clients show. */
final class Rejections {

  private Rejections() {}

  static EngineRejection notFound(String message, Object... args) {
    return new EngineRejection(RejectionType.NOT_FOUND, message.formatted(args));
  }

  static EngineRejection invalidArgument(String message, Object... args) {
    return new EngineRejection(RejectionType.INVALID_ARGUMENT, message.formatted(args));
  }

  static EngineRejection invalidState(String message, Object... args) {
    return new EngineRejection(RejectionType.INVALID_STATE, message.formatted(args));
  }

  static EngineRejection alreadyExists(String message, Object... args) {
    return new EngineRejection(RejectionType.ALREADY_EXISTS, message.formatted(args));
  }
}
