package io.orderhub.engine.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.orderhub.engine.model.ProcessModelReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the state's tables to bytes and reads them back; indexes are rebuilt on read. Runs on the
 * processing thread (the state is not thread-safe).
 */
public final class StateSnapshotCodec {

  private final ObjectMapper json =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          // variables hold whole numbers as Long (see VariableBehavior), so replay reads them so
          .configure(DeserializationFeature.USE_LONG_FOR_INTS, true);

  record Tables(
      long lastKey,
      long position,
      List<ProcessDefinition> processes,
      List<ElementInstance> elementInstances,
      List<Variable> variables,
      List<Job> jobs,
      List<Message> messages,
      List<MessageSubscription> messageSubscriptions,
      List<Timer> timers,
      List<SignalSubscription> signalSubscriptions,
      List<Incident> incidents,
      Map<Long, Map<String, Integer>> joinTokens,
      Map<Long, List<Object>> multiInstanceItems,
      List<CompensationSubscription> compensationSubscriptions,
      Map<Long, Long> compensationHandlers,
      List<DecisionRequirementsDefinition> decisionRequirements,
      List<DecisionDefinition> decisions,
      Map<Long, Map<String, Long>> decisionsByDeployment,
      Map<Long, String> messageStarts) {}

  public byte[] encode(EngineState state) {
    try {
      return json.writeValueAsBytes(tables(state));
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to encode the state, but " + e.getMessage(), e);
    }
  }

  /**
   * The state's tables as indented JSON in one fixed order: rows by key (variables by scope and
   * name), map entries and set elements sorted. Two states hold the same data exactly when their
   * dumps are equal, whatever order their hash maps or the events happened to give them, so
   * recovery can be checked by comparing a recovered state with the one that was live. Not a
   * snapshot format: {@link #encode} keeps the tables' own order, which variable order depends on.
   */
  public String canonicalJson(EngineState state) {
    Tables raw = tables(state);
    Comparator<Variable> byScopeAndName =
        Comparator.comparingLong(Variable::scopeKey).thenComparing(Variable::name);
    Tables sorted =
        new Tables(
            raw.lastKey(),
            raw.position(),
            sortedBy(raw.processes(), ProcessDefinition::key),
            sortedBy(raw.elementInstances(), ElementInstance::key),
            raw.variables().stream().sorted(byScopeAndName).toList(),
            sortedBy(raw.jobs(), Job::key),
            sortedBy(raw.messages(), Message::key),
            sortedBy(raw.messageSubscriptions(), MessageSubscription::key),
            sortedBy(raw.timers(), Timer::key),
            sortedBy(raw.signalSubscriptions(), SignalSubscription::key),
            sortedBy(raw.incidents(), Incident::key),
            raw.joinTokens(),
            raw.multiInstanceItems(),
            sortedBy(raw.compensationSubscriptions(), CompensationSubscription::key),
            raw.compensationHandlers(),
            sortedBy(raw.decisionRequirements(), DecisionRequirementsDefinition::key),
            sortedBy(raw.decisions(), DecisionDefinition::key),
            raw.decisionsByDeployment(),
            raw.messageStarts());
    try {
      return CANONICAL.writeValueAsString(sorted);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to dump the state, but " + e.getMessage(), e);
    }
  }

  private static <T> List<T> sortedBy(List<T> rows, java.util.function.ToLongFunction<T> key) {
    return rows.stream().sorted(Comparator.comparingLong(key)).toList();
  }

  private static final ObjectMapper CANONICAL =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .registerModule(new SimpleModule().addSerializer(new SortedSetSerializer()));

  /** Writes a set's elements in their natural order (sets hold strings: tags, process ids). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class SortedSetSerializer extends StdSerializer<Set> {
    SortedSetSerializer() {
      super(Set.class);
    }

    @Override
    public void serialize(Set value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      List<Object> elements = new ArrayList<>(value);
      elements.sort(Comparator.comparing(String::valueOf));
      generator.writeStartArray();
      for (Object element : elements) {
        provider.defaultSerializeValue(element, generator);
      }
      generator.writeEndArray();
    }
  }

  private static Tables tables(EngineState state) {
    List<Variable> variables = new ArrayList<>();
    state.variablesByScope.values().forEach(v -> variables.addAll(v.values()));
    Map<Long, Map<String, Integer>> tokens = new HashMap<>();
    state.joinTokens.forEach((k, v) -> tokens.put(k, new HashMap<>(v)));
    return new Tables(
        state.lastKey,
        state.position,
        List.copyOf(state.processes.values()),
        List.copyOf(state.elementInstances.values()),
        variables,
        List.copyOf(state.jobs.values()),
        List.copyOf(state.messages.values()),
        List.copyOf(state.messageSubscriptions.values()),
        List.copyOf(state.timers.values()),
        List.copyOf(state.signalSubscriptions.values()),
        List.copyOf(state.incidents.values()),
        tokens,
        new HashMap<>(state.multiInstanceItems),
        List.copyOf(state.compensationSubscriptions.values()),
        new HashMap<>(state.compensationHandlers),
        List.copyOf(state.decisions.requirements.values()),
        List.copyOf(state.decisions.decisions.values()),
        new HashMap<>(state.decisions.decisionsByDeployment),
        new HashMap<>(state.messageStarts));
  }

  public EngineState decode(byte[] bytes, ProcessModelReader reader) {
    Tables tables;
    try {
      tables = json.readValue(bytes, Tables.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to decode a snapshot, but " + e.getMessage(), e);
    }
    EngineState state = new EngineState(reader);
    state.lastKey = tables.lastKey();
    state.position = tables.position();
    tables.processes().forEach(state::putProcess);
    // parents before children keeps the child index complete
    tables.elementInstances().stream()
        .sorted(java.util.Comparator.comparingLong(ElementInstance::key))
        .forEach(state::putElementInstance);
    tables.variables().forEach(state::putVariable);
    tables.jobs().forEach(state::putJob);
    tables.messages().forEach(state::putMessage);
    tables.messageSubscriptions().forEach(state::putMessageSubscription);
    tables.timers().forEach(state::putTimer);
    tables.signalSubscriptions().forEach(state::putSignalSubscription);
    tables.incidents().forEach(state::putIncident);
    tables.joinTokens().forEach((k, v) -> state.joinTokens.put(k, new HashMap<>(v)));
    if (tables.multiInstanceItems() != null) {
      state.multiInstanceItems.putAll(tables.multiInstanceItems());
    }
    if (tables.compensationSubscriptions() != null) {
      tables.compensationSubscriptions().forEach(state::putCompensationSubscription);
      state.compensationHandlers.putAll(tables.compensationHandlers());
    }
    if (tables.messageStarts() != null) {
      tables.messageStarts().forEach(state::putMessageStart);
    }
    // snapshots from before decisions existed have none of these tables
    if (tables.decisionRequirements() != null) {
      tables.decisionRequirements().forEach(state.decisions::putRequirements);
    }
    if (tables.decisions() != null) {
      tables.decisions().forEach(state.decisions::putDecision);
    }
    if (tables.decisionsByDeployment() != null) {
      tables.decisionsByDeployment().forEach(state.decisions::putDeploymentDecisions);
    }
    return state;
  }
}
