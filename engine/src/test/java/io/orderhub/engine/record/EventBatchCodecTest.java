package io.orderhub.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The journal's entry formats: the compact one written now, and the JSON one every earlier version
 * wrote, which must stay readable across the upgrade.
 */
class EventBatchCodecTest {

  private static final long TIMESTAMP = 1_767_225_600_000L;

  private final EventBatchCodec codec = new EventBatchCodec();

  @Test
  void everyEventSurvivesTheCompactFormat() {
    EventBatch batch = new EventBatch(TIMESTAMP, EventSamples.everyEvent());

    byte[] entry = codec.encode(batch);

    assertThat(entry[0]).isEqualTo(CompactEventFormat.TAG);
    assertThat(codec.decode(entry)).usingRecursiveComparison().isEqualTo(batch);
  }

  /**
   * The fixture was written by the JSON codec of the version before the compact format (commit
   * 8f1482c) from {@link EventSamples#everyEvent()}; it is checked in, never regenerated.
   */
  @Test
  void readsAnEntryTheJsonCodecWrote() throws IOException {
    byte[] fixture;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/every-event-json-v1.json")) {
      fixture = in.readAllBytes();
    }

    EventBatch decoded = codec.decode(fixture);

    assertThat(decoded)
        .usingRecursiveComparison()
        .isEqualTo(new EventBatch(TIMESTAMP, EventSamples.everyEvent()));
  }

  /**
   * Replay must rebuild the state the JSON format rebuilt, whatever Java value a variable held. (A
   * whole number beyond long could not be replayed from JSON either: USE_LONG_FOR_INTS refuses it;
   * it goes through Jackson as before.)
   */
  @Test
  void valuesReadBackAsTheJsonFormatReadThem() throws IOException {
    Map<Object, Object> numericKeys = new LinkedHashMap<>();
    numericKeys.put(1, "one");
    List<Object> odd =
        new ArrayList<>(
            Arrays.asList(
                7,
                (short) 3,
                (byte) 2,
                1.5f,
                new BigDecimal("12.50"),
                BigInteger.TEN,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                -0.0,
                Long.MIN_VALUE,
                Set.of("only"),
                new byte[] {1, 2, 3},
                'c',
                numericKeys,
                "\uD83D\uDE00 surrogate pair"));
    EventBatch batch =
        new EventBatch(
            TIMESTAMP,
            List.of(
                new EngineEvent.VariableCreated(1, 2, 3, "odd", odd),
                new EngineEvent.MultiInstanceStarted(4, odd)));

    EventBatch viaCompact = codec.decode(codec.encode(batch));
    EventBatch viaJson = codec.decode(legacyJson().writeValueAsBytes(batch));

    assertThat(viaCompact).usingRecursiveComparison().isEqualTo(viaJson);
    List<?> replayed = (List<?>) ((EngineEvent.VariableCreated) viaCompact.events().get(0)).value();
    assertThat(replayed.get(0)).isEqualTo(7L);
    assertThat(replayed.get(8)).isEqualTo(-0.0);
  }

  @Test
  void isMuchSmallerThanJson() throws IOException {
    EventBatch batch = new EventBatch(TIMESTAMP, EventSamples.everyEvent());

    assertThat(codec.encode(batch).length)
        .isLessThan(legacyJson().writeValueAsBytes(batch).length * 2 / 3);
  }

  @Test
  void anEntryOfAnUnknownFormatIsRefusedWithItsTag() {
    assertThatThrownBy(() -> codec.decode(new byte[] {0x7F, 1, 2}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("format tag 0x7f is unknown");
    assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessageContaining("the entry is empty");
  }

  @Test
  void aTruncatedOrPaddedEntryIsRefused() {
    byte[] entry = codec.encode(new EventBatch(TIMESTAMP, EventSamples.everyEvent()));

    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(entry, entry.length - 3)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("ends early");
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(entry, entry.length + 2)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("2 bytes follow the last event");
  }

  /** An entry of a later version whose event gained a trailing component still decodes. */
  @Test
  void ignoresComponentsAppendedByALaterVersionAndDefaultsMissingOnes() {
    byte[] entry =
        codec.encode(new EventBatch(TIMESTAMP, List.of(new EngineEvent.JobRetriesUpdated(9, 2))));
    // [tag][timestamp varlong 6 bytes][count 1][ref 0][name][component count 2][values]
    int countAt = indexOfComponentCount(entry, "JobRetriesUpdated");

    byte[] older = Arrays.copyOf(entry, entry.length - 2); // without `retries`
    older[countAt] = 1;
    byte[] newer = Arrays.copyOf(entry, entry.length + 2);
    newer[countAt] = 3;
    newer[entry.length] = 2; // a STRING ...
    newer[entry.length + 1] = 0; // ... of zero bytes

    assertThat(codec.decode(older).events())
        .containsExactly(new EngineEvent.JobRetriesUpdated(9, 0));
    assertThat(codec.decode(newer).events())
        .containsExactly(new EngineEvent.JobRetriesUpdated(9, 2));
  }

  private static int indexOfComponentCount(byte[] entry, String name) {
    byte[] needle = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i + needle.length < entry.length; i++) {
      if (Arrays.equals(entry, i, i + needle.length, needle, 0, needle.length)) {
        return i + needle.length;
      }
    }
    throw new AssertionError("Expected the event name in the entry");
  }

  /** The codec as every version before the compact format configured it for writing. */
  private static ObjectMapper legacyJson() {
    ObjectMapper json =
        new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_LONG_FOR_INTS, true);
    json.registerSubtypes(EngineEvent.class.getPermittedSubclasses());
    return json;
  }
}
