package io.orderhub.engine.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serialises batches for the journal as JSON: self-describing, so an older journal stays readable
 * when events gain fields. Thread-safe.
 */
public final class EventBatchCodec {

  private final ObjectMapper json;

  public EventBatchCodec() {
    json =
        new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // variables hold whole numbers as Long (see VariableBehavior), so replay reads them so
            .configure(DeserializationFeature.USE_LONG_FOR_INTS, true);
    json.registerSubtypes(EngineEvent.class.getPermittedSubclasses());
  }

  public byte[] encode(EventBatch batch) {
    try {
      return json.writeValueAsBytes(batch);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to encode a batch of events, but " + e.getMessage(), e);
    }
  }

  public EventBatch decode(byte[] bytes) {
    try {
      return json.readValue(bytes, EventBatch.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to decode a batch of events, but " + e.getMessage(), e);
    }
  }
}
