package io.orderhub.engine.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serialises batches for the journal. Every entry starts with its format, so a journal written by
 * an earlier version stays readable across upgrades:
 *
 * <ul>
 *   <li>{@code '{'}: JSON (Jackson, one object per batch; every entry written before the compact
 *       format existed) — read only;
 *   <li>{@link CompactEventFormat#TAG}: the compact binary format, written now.
 * </ul>
 *
 * Thread-safe.
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
    return CompactEventFormat.encode(batch, json);
  }

  public EventBatch decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new UncheckedIOException(
          new IOException("Expected to decode a batch of events, but the entry is empty"));
    }
    if (bytes[0] == CompactEventFormat.TAG) {
      return CompactEventFormat.decode(bytes, json);
    }
    if (bytes[0] == '{') {
      return decodeJson(bytes);
    }
    throw new UncheckedIOException(
        new IOException(
            "Expected to decode a batch of events, but its format tag 0x%02x is unknown (written by a newer version?)"
                .formatted(bytes[0] & 0xFF)));
  }

  private EventBatch decodeJson(byte[] bytes) {
    try {
      return json.readValue(bytes, EventBatch.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to decode a batch of events, but " + e.getMessage(), e);
    }
  }
}
