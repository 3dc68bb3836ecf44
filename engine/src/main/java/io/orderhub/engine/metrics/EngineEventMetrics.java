package io.orderhub.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementCompleted;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.record.EngineEvent.JobActivated;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.record.EngineEvent.JobCompleted;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.record.EngineEvent.JobErrorThrown;
import io.orderhub.engine.record.EngineEvent.JobFailed;
import io.orderhub.engine.record.EngineEvent.JobTimedOut;
import io.orderhub.engine.state.AppliedEventObserver;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.EngineState;
import io.orderhub.engine.state.Job;
import io.orderhub.engine.state.ProcessDefinition;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts process instances, element instances, jobs and incidents from the events the processor
 * applies. An event that carries only a key is described by the state before it is applied (the
 * completed element's type, the activated job's type), so no second copy of the state is kept.
 *
 * <p>Thread-safety: {@link #applying} runs on the processing thread only; its counter caches are
 * confined to it. {@link #knownJobTypes} is read by the scrape.
 */
final class EngineEventMetrics implements AppliedEventObserver {

  private final MeterRegistry registry;
  private final Map<Long, Counter[]> processCounters = new HashMap<>();
  private final Map<BpmnElementType, Counter[]> elementCounters =
      new EnumMap<>(BpmnElementType.class);
  private final Map<String, Map<String, Counter>> jobCounters = new HashMap<>();
  private final Set<String> knownJobTypes = ConcurrentHashMap.newKeySet();
  private final Counter incidentsCreated;
  private final Counter incidentsResolved;

  private static final int ACTIVATED = 0;
  private static final int COMPLETED = 1;
  private static final int TERMINATED = 2;
  private static final String[] PROCESS_ACTIONS = {"created", "completed", "terminated"};
  private static final String[] ELEMENT_ACTIONS = {"activated", "completed", "terminated"};

  EngineEventMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.incidentsCreated = EngineMeters.incidents(registry, "created");
    this.incidentsResolved = EngineMeters.incidents(registry, "resolved");
  }

  @Override
  public void applying(EngineEvent event, EngineState state) {
    switch (event) {
      case ElementActivating e -> {
        element(e.elementType(), ACTIVATED);
        if (e.elementType() == BpmnElementType.PROCESS) {
          process(state, e.processDefinitionKey(), ACTIVATED);
        }
      }
      case ElementCompleted e -> ended(state, e.key(), COMPLETED);
      case ElementTerminated e -> ended(state, e.key(), TERMINATED);
      case JobCreated e -> job(e.type(), "created");
      case JobActivated e -> job(state, e.key(), "activated");
      case JobCompleted e -> job(state, e.key(), "completed");
      case JobFailed e -> job(state, e.key(), "failed");
      case JobTimedOut e -> job(state, e.key(), "timed_out");
      case JobErrorThrown e -> job(state, e.key(), "error_thrown");
      case JobCanceled e -> job(state, e.key(), "canceled");
      case IncidentCreated e -> incidentsCreated.increment();
      case IncidentResolved e -> incidentsResolved.increment();
      default -> {}
    }
  }

  Set<String> knownJobTypes() {
    return knownJobTypes;
  }

  private void ended(EngineState state, long key, int action) {
    Optional<ElementInstance> instance = state.elementInstance(key);
    if (instance.isEmpty()) {
      return;
    }
    element(instance.get().elementType(), action);
    if (instance.get().elementType() == BpmnElementType.PROCESS) {
      process(state, instance.get().processDefinitionKey(), action);
    }
  }

  private void element(BpmnElementType type, int action) {
    elementCounters
        .computeIfAbsent(
            type,
            t -> {
              Counter[] counters = new Counter[ELEMENT_ACTIONS.length];
              for (int i = 0; i < counters.length; i++) {
                counters[i] = EngineMeters.elementInstances(registry, t.name(), ELEMENT_ACTIONS[i]);
              }
              return counters;
            })[action]
        .increment();
  }

  private void process(EngineState state, long processDefinitionKey, int action) {
    Counter[] counters = processCounters.get(processDefinitionKey);
    if (counters == null) {
      Optional<ProcessDefinition> definition = state.process(processDefinitionKey);
      if (definition.isEmpty()) {
        return;
      }
      counters = new Counter[PROCESS_ACTIONS.length];
      for (int i = 0; i < counters.length; i++) {
        counters[i] =
            EngineMeters.processInstances(
                registry,
                definition.get().bpmnProcessId(),
                definition.get().version(),
                PROCESS_ACTIONS[i]);
      }
      processCounters.put(processDefinitionKey, counters);
    }
    counters[action].increment();
  }

  private void job(EngineState state, long jobKey, String action) {
    state.job(jobKey).map(Job::type).ifPresent(type -> job(type, action));
  }

  private void job(String type, String action) {
    jobCounters
        .computeIfAbsent(
            type,
            t -> {
              knownJobTypes.add(t);
              return new HashMap<>();
            })
        .computeIfAbsent(action, a -> EngineMeters.jobs(registry, type, a))
        .increment();
  }
}
