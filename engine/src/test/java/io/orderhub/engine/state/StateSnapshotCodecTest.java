package io.orderhub.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.engine.feel.FeelEvaluator;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.ProcessModelReader;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.MessagePublished;
import io.orderhub.engine.record.EngineEvent.VariableCreated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical dump that recovery tests compare states with. */
class StateSnapshotCodecTest {

  private final ProcessModelReader reader =
      new ProcessModelReader(new FeelEvaluator(System::currentTimeMillis));
  private final StateSnapshotCodec codec = new StateSnapshotCodec();

  @Test
  void shouldDumpTheSameDataInTheSameOrderWhateverOrderItArrivedIn() {
    List<EngineEvent> events = events(List.of("a", "b", "c"), ordered("x", 1, "y", 2, "z", 3));
    List<EngineEvent> reversed =
        new ArrayList<>(events(List.of("c", "b", "a"), ordered("z", 3, "y", 2, "x", 1)));
    java.util.Collections.reverse(reversed);

    String dump = codec.canonicalJson(stateOf(events));

    assertThat(codec.canonicalJson(stateOf(reversed))).isEqualTo(dump);
    // sets and maps come out sorted, not in the order they were built in
    assertThat(dump.indexOf("\"a\"")).isLessThan(dump.indexOf("\"b\""));
    assertThat(dump.indexOf("\"b\"")).isLessThan(dump.indexOf("\"c\""));
  }

  @Test
  void shouldDumpADecodedSnapshotLikeTheStateItWasTakenFrom() {
    EngineState state = stateOf(events(List.of("a", "b"), Map.of("x", 1, "y", List.of(1, 2))));

    EngineState decoded = codec.decode(codec.encode(state), reader);

    assertThat(codec.canonicalJson(decoded)).isEqualTo(codec.canonicalJson(state));
  }

  @Test
  void shouldTellDifferentStatesApart() {
    EngineState one = stateOf(events(List.of("a"), Map.of("x", 1)));
    EngineState other = stateOf(events(List.of("a"), Map.of("x", 2)));

    assertThat(codec.canonicalJson(one)).isNotEqualTo(codec.canonicalJson(other));
  }

  private static Map<String, Object> ordered(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private EngineState stateOf(List<EngineEvent> events) {
    EngineState state = new EngineState(reader);
    EventApplier applier = new EventApplier(state);
    events.forEach(applier::apply);
    applier.appliedUpTo(events.size());
    return state;
  }

  /** Two process instances with tags, variables and a buffered message with a payload. */
  private static List<EngineEvent> events(List<String> tags, Map<String, Object> payload) {
    List<EngineEvent> events = new ArrayList<>();
    for (long key = 10; key <= 11; key++) {
      events.add(
          new ElementActivating(
              key,
              key,
              -1,
              1,
              "process",
              BpmnElementType.PROCESS,
              null,
              new LinkedHashSet<>(tags),
              "<default>",
              0));
    }
    payload.forEach(
        (name, value) -> events.add(new VariableCreated(20 + name.charAt(0), 10, 10, name, value)));
    events.add(
        new MessagePublished(30, "Paid", "order-1", Long.MAX_VALUE, null, payload, "<default>"));
    return events;
  }
}
