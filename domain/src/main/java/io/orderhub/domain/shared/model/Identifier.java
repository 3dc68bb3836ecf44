package io.orderhub.domain.shared.model;

/**
 * A single-valued identifier. Serialised (outbox payloads, logs, process variables) as its {@link
 * #asString()} form, never as a nested object.
 */
public interface Identifier {

  /** The canonical string form; parsing it back with the type's {@code of} yields an equal id. */
  String asString();
}
