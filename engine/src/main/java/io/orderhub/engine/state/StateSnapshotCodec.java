package io.orderhub.engine.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.engine.model.ProcessModelReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the state's tables to bytes and reads them back; indexes are rebuilt on read. Runs on the
 * processing thread (the state is not thread-safe).
 */
public final class StateSnapshotCodec {

  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
      Map<Long, Map<String, Long>> decisionsByDeployment) {}

  public byte[] encode(EngineState state) {
    List<Variable> variables = new ArrayList<>();
    state.variablesByScope.values().forEach(v -> variables.addAll(v.values()));
    Map<Long, Map<String, Integer>> tokens = new HashMap<>();
    state.joinTokens.forEach((k, v) -> tokens.put(k, new HashMap<>(v)));
    Tables tables =
        new Tables(
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
            new HashMap<>(state.decisions.decisionsByDeployment));
    try {
      return json.writeValueAsBytes(tables);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to encode the state, but " + e.getMessage(), e);
    }
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
      tables
          .compensationSubscriptions()
          .forEach(c -> state.compensationSubscriptions.put(c.key(), c));
      state.compensationHandlers.putAll(tables.compensationHandlers());
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
