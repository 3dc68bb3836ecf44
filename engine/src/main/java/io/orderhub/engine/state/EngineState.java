package io.orderhub.engine.state;

import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableProcess;
import io.orderhub.engine.model.ProcessModelReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's in-memory state: tables of entities plus indexes derived from them. Processors read
 * it; only {@link EventApplier} changes it, so the state is always what the journal says.
 *
 * <p>Not thread-safe: owned by the single processing thread.
 */
public final class EngineState {

  /** Zeebe-style keys: partition 1 in the high bits, a counter below. */
  public static final long KEY_BASE = 1L << 51;

  private final ProcessModelReader reader;

  long lastKey = KEY_BASE;
  long position;

  // tables
  final Map<Long, ProcessDefinition> processes = new HashMap<>();
  final Map<Long, ElementInstance> elementInstances = new HashMap<>();
  final Map<Long, Map<String, Variable>> variablesByScope = new HashMap<>();
  final Map<Long, Job> jobs = new HashMap<>();
  final Map<Long, Message> messages = new HashMap<>();
  final Map<Long, MessageSubscription> messageSubscriptions = new HashMap<>();
  final Map<Long, Timer> timers = new HashMap<>();
  final Map<Long, SignalSubscription> signalSubscriptions = new HashMap<>();
  final Map<Long, Incident> incidents = new HashMap<>();

  final Map<Long, CompensationSubscription> compensationSubscriptions = new HashMap<>();
  // completing a scope and ending an instance look subscriptions up by scope and by instance
  private final Map<Long, Set<Long>> compensationByScope = new HashMap<>();
  private final Map<Long, Set<Long>> compensationByInstance = new HashMap<>();

  /** compensation handler instance key -> the throw event waiting for it */
  final Map<Long, Long> compensationHandlers = new HashMap<>();

  /** multi-instance body key -> the items of its input collection */
  final Map<Long, List<Object>> multiInstanceItems = new HashMap<>();

  /** Deployed decisions, kept apart so the process tables stay as they are. */
  final DecisionState decisions = new DecisionState();

  /** flow scope key -> sequence flow id -> tokens waiting at a joining gateway */
  final Map<Long, Map<String, Integer>> joinTokens = new HashMap<>();

  // indexes, rebuilt from the tables
  private final Map<Long, ExecutableProcess> executables = new HashMap<>();
  private final Map<String, TreeMap<Integer, ProcessDefinition>> versions = new HashMap<>();
  private final Map<Long, Set<Long>> children = new HashMap<>();
  private final Map<String, Long> activeBusinessIds = new HashMap<>();
  private final Map<Long, Long> calledInstances = new HashMap<>();

  /** process instance key -> tenant/process/correlation key it was started by a message with */
  final Map<Long, String> messageStarts = new HashMap<>();

  private final Map<String, Long> activeMessageStarts = new HashMap<>();
  private final Map<String, Set<Long>> activatableJobs = new HashMap<>();
  private final Map<Long, Long> jobByElement = new HashMap<>();
  private final Map<String, Long> messageIds = new HashMap<>();
  private final Map<String, Set<Long>> messagesByCorrelation = new HashMap<>();
  private final Map<String, Set<Long>> subscriptionsByCorrelation = new HashMap<>();
  private final Map<Long, Set<Long>> subscriptionsByElement = new HashMap<>();
  private final Map<Long, Set<Long>> timersByElement = new HashMap<>();
  private final Map<Long, Set<Long>> signalSubscriptionsByElement = new HashMap<>();
  private final Map<String, Set<Long>> signalSubscriptionsByName = new HashMap<>();
  private final Map<Long, Set<Long>> incidentsByElement = new HashMap<>();
  private final Map<Long, Long> incidentByJob = new HashMap<>();
  final DueIndex timerDue = new DueIndex();
  final DueIndex jobDeadlines = new DueIndex();
  final DueIndex jobBackoffs = new DueIndex();
  final DueIndex messageTtls = new DueIndex();

  public EngineState(ProcessModelReader reader) {
    this.reader = reader;
  }

  // ---- keys and position

  public long lastKey() {
    return lastKey;
  }

  /** Journal position of the last applied batch. */
  public long position() {
    return position;
  }

  // ---- processes

  public Optional<ProcessDefinition> process(long key) {
    return Optional.ofNullable(processes.get(key));
  }

  public Optional<ProcessDefinition> latestProcess(String bpmnProcessId, String tenantId) {
    TreeMap<Integer, ProcessDefinition> byVersion = versions.get(tenantId + "/" + bpmnProcessId);
    return byVersion == null ? Optional.empty() : Optional.of(byVersion.lastEntry().getValue());
  }

  public Optional<ProcessDefinition> process(String bpmnProcessId, int version, String tenantId) {
    TreeMap<Integer, ProcessDefinition> byVersion = versions.get(tenantId + "/" + bpmnProcessId);
    return byVersion == null ? Optional.empty() : Optional.ofNullable(byVersion.get(version));
  }

  public Collection<ProcessDefinition> processes() {
    return processes.values();
  }

  /** The executable model of a deployed process, parsed once per engine run. */
  public ExecutableProcess executable(long processDefinitionKey) {
    return executables.computeIfAbsent(
        processDefinitionKey,
        key -> {
          ProcessDefinition definition = processes.get(key);
          if (definition == null) {
            throw new IllegalStateException(
                "Expected process definition %d to be deployed, but it is not".formatted(key));
          }
          return reader.read(definition.resource()).processes().stream()
              .filter(p -> p.bpmnProcessId().equals(definition.bpmnProcessId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Expected resource '%s' to contain process '%s', but it does not"
                              .formatted(definition.resourceName(), definition.bpmnProcessId())));
        });
  }

  /** Start events of the given kind in the latest version of every process. */
  public List<StartEventRef> latestStartEvents(EventType eventType) {
    List<StartEventRef> result = new ArrayList<>();
    for (TreeMap<Integer, ProcessDefinition> byVersion : versions.values()) {
      ProcessDefinition latest = byVersion.lastEntry().getValue();
      for (ExecutableFlowNode start : executable(latest.key()).startEvents(eventType)) {
        result.add(new StartEventRef(latest, start));
      }
    }
    return result;
  }

  public record StartEventRef(ProcessDefinition process, ExecutableFlowNode startEvent) {}

  void putProcess(ProcessDefinition definition) {
    processes.put(definition.key(), definition);
    versions
        .computeIfAbsent(
            definition.tenantId() + "/" + definition.bpmnProcessId(), k -> new TreeMap<>())
        .put(definition.version(), definition);
  }

  // ---- decisions

  public DecisionState decisions() {
    return decisions;
  }

  // ---- element instances

  public Optional<ElementInstance> elementInstance(long key) {
    return Optional.ofNullable(elementInstances.get(key));
  }

  /** Every element instance (a copy, safe to iterate while writing events). */
  public List<ElementInstance> elementInstances() {
    return List.copyOf(elementInstances.values());
  }

  public ElementInstance requireElementInstance(long key) {
    ElementInstance instance = elementInstances.get(key);
    if (instance == null) {
      throw new IllegalStateException(
          "Expected element instance %d to exist, but it does not".formatted(key));
    }
    return instance;
  }

  /** Child element instances of a scope, in activation order. */
  public List<ElementInstance> children(long scopeKey) {
    Set<Long> keys = children.get(scopeKey);
    if (keys == null) {
      return List.of();
    }
    List<ElementInstance> result = new ArrayList<>(keys.size());
    keys.forEach(k -> result.add(elementInstances.get(k)));
    return result;
  }

  public Optional<Long> activeInstanceWithBusinessId(
      String tenantId, String bpmnProcessId, String businessId) {
    return Optional.ofNullable(
        activeBusinessIds.get(businessKey(tenantId, bpmnProcessId, businessId)));
  }

  private String businessKey(String tenantId, String bpmnProcessId, String businessId) {
    return tenantId + "/" + bpmnProcessId + "/" + businessId;
  }

  void putElementInstance(ElementInstance instance) {
    ElementInstance previous = elementInstances.put(instance.key(), instance);
    if (previous == null) {
      if (instance.flowScopeKey() > 0) {
        children
            .computeIfAbsent(instance.flowScopeKey(), k -> new LinkedHashSet<>())
            .add(instance.key());
      }
      if (instance.isProcess() && instance.parentElementInstanceKey() > 0) {
        calledInstances.put(instance.parentElementInstanceKey(), instance.key());
      }
      if (instance.isProcess() && instance.businessId() != null) {
        String bpmnProcessId = processes.get(instance.processDefinitionKey()).bpmnProcessId();
        activeBusinessIds.put(
            businessKey(instance.tenantId(), bpmnProcessId, instance.businessId()), instance.key());
      }
    }
  }

  void removeElementInstance(long key) {
    ElementInstance removed = elementInstances.remove(key);
    if (removed == null) {
      return;
    }
    Set<Long> siblings = children.get(removed.flowScopeKey());
    if (siblings != null) {
      siblings.remove(key);
      if (siblings.isEmpty()) {
        children.remove(removed.flowScopeKey());
      }
    }
    children.remove(key);
    joinTokens.remove(key);
    variablesByScope.remove(key);
    multiInstanceItems.remove(key);
    compensationHandlers.remove(key);
    if (removed.isProcess()) {
      for (Long subscription : List.copyOf(compensationByInstance.getOrDefault(key, Set.of()))) {
        removeCompensationSubscription(subscription);
      }
    }
    if (removed.isProcess() && removed.parentElementInstanceKey() > 0) {
      calledInstances.remove(removed.parentElementInstanceKey());
    }
    String messageStart = messageStarts.remove(key);
    if (messageStart != null) {
      activeMessageStarts.remove(messageStart);
    }
    if (removed.isProcess() && removed.businessId() != null) {
      String bpmnProcessId = processes.get(removed.processDefinitionKey()).bpmnProcessId();
      activeBusinessIds.remove(
          businessKey(removed.tenantId(), bpmnProcessId, removed.businessId()));
    }
  }

  /**
   * The active instance a message start event started for this correlation key: while it runs, a
   * second message with the key does not start another.
   */
  public Optional<Long> activeMessageStart(
      String tenantId, String bpmnProcessId, String correlationKey) {
    return Optional.ofNullable(
        activeMessageStarts.get(tenantId + "/" + bpmnProcessId + "/" + correlationKey));
  }

  /** The correlation key a message start event started this instance with, or null. */
  public String messageStartCorrelationKey(long processInstanceKey) {
    String entry = messageStarts.get(processInstanceKey);
    return entry == null ? null : entry.split("/", 3)[2];
  }

  void putMessageStart(long processInstanceKey, String tenantProcessAndKey) {
    if (elementInstances.containsKey(processInstanceKey)) {
      messageStarts.put(processInstanceKey, tenantProcessAndKey);
      activeMessageStarts.put(tenantProcessAndKey, processInstanceKey);
    }
  }

  /** The process instance a call activity instance started, if it is still active. */
  public Optional<ElementInstance> calledInstance(long callActivityInstanceKey) {
    Long key = calledInstances.get(callActivityInstanceKey);
    return key == null ? Optional.empty() : Optional.ofNullable(elementInstances.get(key));
  }

  /** Compensable completed activities (and subprocesses) of a scope, oldest first. */
  public List<CompensationSubscription> compensationSubscriptions(long scopeKey) {
    return lookup(compensationByScope, scopeKey, compensationSubscriptions).stream()
        .sorted(java.util.Comparator.comparingLong(CompensationSubscription::key))
        .toList();
  }

  void putCompensationSubscription(CompensationSubscription subscription) {
    compensationSubscriptions.put(subscription.key(), subscription);
    compensationByScope
        .computeIfAbsent(subscription.scopeKey(), k -> new LinkedHashSet<>())
        .add(subscription.key());
    compensationByInstance
        .computeIfAbsent(subscription.processInstanceKey(), k -> new LinkedHashSet<>())
        .add(subscription.key());
  }

  void removeCompensationSubscription(long key) {
    CompensationSubscription removed = compensationSubscriptions.remove(key);
    if (removed != null) {
      removeFromIndex(compensationByScope, removed.scopeKey(), key);
      removeFromIndex(compensationByInstance, removed.processInstanceKey(), key);
    }
  }

  /** The compensation throw event a running handler instance was started for, or -1. */
  public long compensationThrowOf(long handlerInstanceKey) {
    return compensationHandlers.getOrDefault(handlerInstanceKey, -1L);
  }

  /** Whether any handler started for this compensation throw event is still running. */
  public boolean compensationPending(long throwEventKey) {
    return compensationHandlers.containsValue(throwEventKey);
  }

  /** The items a multi-instance body runs over. */
  public List<Object> multiInstanceItems(long bodyKey) {
    return multiInstanceItems.getOrDefault(bodyKey, List.of());
  }

  /** Tokens waiting at joining gateways in a scope, by incoming sequence flow id. */
  public Map<String, Integer> joinTokens(long flowScopeKey) {
    return joinTokens.getOrDefault(flowScopeKey, Map.of());
  }

  // ---- variables

  /** Local variables of a scope. */
  public Map<String, Variable> localVariables(long scopeKey) {
    return variablesByScope.getOrDefault(scopeKey, Map.of());
  }

  /** All variables visible from a scope: its own over its parents' over the root's. */
  public Map<String, Object> visibleVariables(long scopeKey) {
    List<Long> chain = new ArrayList<>();
    long current = scopeKey;
    while (current > 0) {
      chain.add(current);
      ElementInstance instance = elementInstances.get(current);
      current = instance == null ? -1 : instance.flowScopeKey();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      localVariables(chain.get(i)).forEach((name, variable) -> result.put(name, variable.value()));
    }
    return result;
  }

  /** The nearest scope at or above {@code scopeKey} that holds the variable, or -1. */
  public long scopeHolding(long scopeKey, String name) {
    long current = scopeKey;
    while (current > 0) {
      if (localVariables(current).containsKey(name)) {
        return current;
      }
      ElementInstance instance = elementInstances.get(current);
      current = instance == null ? -1 : instance.flowScopeKey();
    }
    return -1;
  }

  void putVariable(Variable variable) {
    variablesByScope
        .computeIfAbsent(variable.scopeKey(), k -> new LinkedHashMap<>())
        .put(variable.name(), variable);
  }

  // ---- jobs

  public Optional<Job> job(long key) {
    return Optional.ofNullable(jobs.get(key));
  }

  public Optional<Job> jobOfElement(long elementInstanceKey) {
    Long key = jobByElement.get(elementInstanceKey);
    return key == null ? Optional.empty() : Optional.ofNullable(jobs.get(key));
  }

  /** The job types that have activatable jobs now (metrics: the backlog per type). */
  public java.util.Set<String> activatableJobTypes() {
    return java.util.Collections.unmodifiableSet(activatableJobs.keySet());
  }

  /** Activatable job keys of a type, oldest first. */
  public Collection<Long> activatableJobs(String type) {
    return activatableJobs.getOrDefault(type, Set.of());
  }

  public List<Long> jobsTimedOut(long now) {
    return jobDeadlines.dueAt(now);
  }

  public List<Long> jobsToRecur(long now) {
    return jobBackoffs.dueAt(now);
  }

  void putJob(Job job) {
    Job previous = jobs.put(job.key(), job);
    if (previous != null) {
      unindexJob(previous);
    }
    jobByElement.put(job.elementInstanceKey(), job.key());
    switch (job.status()) {
      case ACTIVATABLE ->
          activatableJobs.computeIfAbsent(job.type(), t -> new LinkedHashSet<>()).add(job.key());
      case ACTIVATED -> jobDeadlines.put(job.key(), job.deadline());
      case FAILED -> {
        if (job.retries() > 0 && job.recurAt() > 0) {
          jobBackoffs.put(job.key(), job.recurAt());
        }
      }
      case ERROR_THROWN -> {}
    }
  }

  void removeJob(long key) {
    Job removed = jobs.remove(key);
    if (removed != null) {
      unindexJob(removed);
      jobByElement.remove(removed.elementInstanceKey());
    }
  }

  private void unindexJob(Job job) {
    Set<Long> byType = activatableJobs.get(job.type());
    if (byType != null) {
      byType.remove(job.key());
      if (byType.isEmpty()) {
        activatableJobs.remove(job.type());
      }
    }
    jobDeadlines.remove(job.key());
    jobBackoffs.remove(job.key());
  }

  // ---- messages

  public Optional<Message> message(long key) {
    return Optional.ofNullable(messages.get(key));
  }

  public boolean messageIdTaken(String tenantId, String name, String messageId) {
    return messageIds.containsKey(tenantId + "/" + name + "/" + messageId);
  }

  /** Buffered messages with this name and correlation key, oldest first. */
  public List<Message> bufferedMessages(String tenantId, String name, String correlationKey) {
    Set<Long> keys = messagesByCorrelation.get(correlation(tenantId, name, correlationKey));
    if (keys == null) {
      return List.of();
    }
    return keys.stream().map(messages::get).toList();
  }

  public List<Long> messagesExpired(long now) {
    return messageTtls.dueAt(now);
  }

  private static String correlation(String tenantId, String name, String correlationKey) {
    return tenantId + "/" + name + "/" + correlationKey;
  }

  void putMessage(Message message) {
    Message previous = messages.put(message.key(), message);
    if (previous == null) {
      messagesByCorrelation
          .computeIfAbsent(
              correlation(message.tenantId(), message.name(), message.correlationKey()),
              k -> new LinkedHashSet<>())
          .add(message.key());
      if (message.messageId() != null && !message.messageId().isEmpty()) {
        messageIds.put(
            message.tenantId() + "/" + message.name() + "/" + message.messageId(), message.key());
      }
      messageTtls.put(message.key(), message.deadline());
    }
  }

  void removeMessage(long key) {
    Message removed = messages.remove(key);
    if (removed == null) {
      return;
    }
    removeFromIndex(
        messagesByCorrelation,
        correlation(removed.tenantId(), removed.name(), removed.correlationKey()),
        key);
    if (removed.messageId() != null) {
      messageIds.remove(removed.tenantId() + "/" + removed.name() + "/" + removed.messageId());
    }
    messageTtls.remove(key);
  }

  // ---- message subscriptions

  public Optional<MessageSubscription> messageSubscription(long key) {
    return Optional.ofNullable(messageSubscriptions.get(key));
  }

  /** Open subscriptions waiting for this name and correlation key, oldest first. */
  public List<MessageSubscription> openSubscriptions(
      String tenantId, String name, String correlationKey) {
    Set<Long> keys = subscriptionsByCorrelation.get(correlation(tenantId, name, correlationKey));
    if (keys == null) {
      return List.of();
    }
    return keys.stream().map(messageSubscriptions::get).toList();
  }

  public List<MessageSubscription> subscriptionsOfElement(long elementInstanceKey) {
    return lookup(subscriptionsByElement, elementInstanceKey, messageSubscriptions);
  }

  void putMessageSubscription(MessageSubscription subscription) {
    messageSubscriptions.put(subscription.key(), subscription);
    subscriptionsByCorrelation
        .computeIfAbsent(
            correlation(
                subscription.tenantId(), subscription.messageName(), subscription.correlationKey()),
            k -> new LinkedHashSet<>())
        .add(subscription.key());
    subscriptionsByElement
        .computeIfAbsent(subscription.elementInstanceKey(), k -> new LinkedHashSet<>())
        .add(subscription.key());
  }

  void removeMessageSubscription(long key) {
    MessageSubscription removed = messageSubscriptions.remove(key);
    if (removed != null) {
      removeFromIndex(
          subscriptionsByCorrelation,
          correlation(removed.tenantId(), removed.messageName(), removed.correlationKey()),
          key);
      removeFromIndex(subscriptionsByElement, removed.elementInstanceKey(), key);
    }
  }

  // ---- timers

  public Optional<Timer> timer(long key) {
    return Optional.ofNullable(timers.get(key));
  }

  public List<Long> timersDue(long now) {
    return timerDue.dueAt(now);
  }

  public List<Timer> timersOfElement(long elementInstanceKey) {
    return lookup(timersByElement, elementInstanceKey, timers);
  }

  /** Timers of timer start events ({@code elementInstanceKey} -1) of a process version. */
  public List<Timer> startEventTimers(long processDefinitionKey) {
    return timersOfElement(-1).stream()
        .filter(t -> t.processDefinitionKey() == processDefinitionKey)
        .toList();
  }

  void putTimer(Timer timer) {
    timers.put(timer.key(), timer);
    timerDue.put(timer.key(), timer.dueDate());
    timersByElement
        .computeIfAbsent(timer.elementInstanceKey(), k -> new LinkedHashSet<>())
        .add(timer.key());
  }

  void removeTimer(long key) {
    Timer removed = timers.remove(key);
    if (removed != null) {
      timerDue.remove(key);
      removeFromIndex(timersByElement, removed.elementInstanceKey(), key);
    }
  }

  // ---- signal subscriptions

  public List<SignalSubscription> signalSubscriptions(String tenantId, String signalName) {
    Set<Long> keys = signalSubscriptionsByName.get(tenantId + "/" + signalName);
    if (keys == null) {
      return List.of();
    }
    return keys.stream().map(signalSubscriptions::get).toList();
  }

  public List<SignalSubscription> signalSubscriptionsOfElement(long elementInstanceKey) {
    return lookup(signalSubscriptionsByElement, elementInstanceKey, signalSubscriptions);
  }

  void putSignalSubscription(SignalSubscription subscription) {
    signalSubscriptions.put(subscription.key(), subscription);
    signalSubscriptionsByName
        .computeIfAbsent(
            subscription.tenantId() + "/" + subscription.signalName(), k -> new LinkedHashSet<>())
        .add(subscription.key());
    signalSubscriptionsByElement
        .computeIfAbsent(subscription.elementInstanceKey(), k -> new LinkedHashSet<>())
        .add(subscription.key());
  }

  void removeSignalSubscription(long key) {
    SignalSubscription removed = signalSubscriptions.remove(key);
    if (removed != null) {
      removeFromIndex(
          signalSubscriptionsByName, removed.tenantId() + "/" + removed.signalName(), key);
      removeFromIndex(signalSubscriptionsByElement, removed.elementInstanceKey(), key);
    }
  }

  // ---- incidents

  public Optional<Incident> incident(long key) {
    return Optional.ofNullable(incidents.get(key));
  }

  public Collection<Incident> incidents() {
    return incidents.values();
  }

  public List<Incident> incidentsOfElement(long elementInstanceKey) {
    return lookup(incidentsByElement, elementInstanceKey, incidents);
  }

  public Optional<Incident> incidentOfJob(long jobKey) {
    Long key = incidentByJob.get(jobKey);
    return key == null ? Optional.empty() : Optional.ofNullable(incidents.get(key));
  }

  void putIncident(Incident incident) {
    incidents.put(incident.key(), incident);
    incidentsByElement
        .computeIfAbsent(incident.elementInstanceKey(), k -> new LinkedHashSet<>())
        .add(incident.key());
    if (incident.jobKey() > 0) {
      incidentByJob.put(incident.jobKey(), incident.key());
    }
  }

  void removeIncident(long key) {
    Incident removed = incidents.remove(key);
    if (removed != null) {
      removeFromIndex(incidentsByElement, removed.elementInstanceKey(), key);
      incidentByJob.remove(removed.jobKey());
    }
  }

  // ---- due work

  /** The earliest time anything in the state falls due, or {@link Long#MAX_VALUE}. */
  public long nextDueTime() {
    return Math.min(
        Math.min(timerDue.next(), jobDeadlines.next()),
        Math.min(jobBackoffs.next(), messageTtls.next()));
  }

  // ---- migration

  /** Applies a migration to every entity of the process instance (an applier's work). */
  void migrate(io.orderhub.engine.record.EngineEvent.ProcessInstanceMigrated e) {
    long pi = e.key();
    Map<String, String> mapping = e.elementMapping();
    for (ElementInstance instance : List.copyOf(elementInstances.values())) {
      if (instance.processInstanceKey() != pi) {
        continue;
      }
      String elementId =
          instance.isProcess()
              ? e.targetBpmnProcessId()
              : mapping.getOrDefault(instance.elementId(), instance.elementId());
      elementInstances.put(
          instance.key(),
          new ElementInstance(
              instance.key(),
              instance.processInstanceKey(),
              instance.flowScopeKey(),
              e.targetProcessDefinitionKey(),
              elementId,
              instance.elementType(),
              instance.lifecycle(),
              instance.businessId(),
              instance.tags(),
              instance.tenantId(),
              instance.parentElementInstanceKey()));
    }
    for (Job job : List.copyOf(jobs.values())) {
      if (job.processInstanceKey() == pi) {
        putJob(
            new Job(
                job.key(),
                job.elementInstanceKey(),
                pi,
                e.targetProcessDefinitionKey(),
                e.targetBpmnProcessId(),
                e.targetVersion(),
                mapping.getOrDefault(job.elementId(), job.elementId()),
                job.type(),
                job.retries(),
                job.customHeaders(),
                job.tenantId(),
                job.status(),
                job.worker(),
                job.deadline(),
                job.errorMessage(),
                job.recurAt()));
      }
    }
    for (Incident incident : List.copyOf(incidents.values())) {
      if (incident.processInstanceKey() == pi) {
        incidents.put(
            incident.key(),
            new Incident(
                incident.key(),
                incident.errorType(),
                incident.errorMessage(),
                pi,
                incident.elementInstanceKey(),
                mapping.getOrDefault(incident.elementId(), incident.elementId()),
                incident.jobKey(),
                e.targetProcessDefinitionKey(),
                e.targetBpmnProcessId(),
                incident.tenantId(),
                incident.failedStep(),
                incident.createdAt()));
      }
    }
  }

  /** Element instances of one process instance (including nested scopes), in key order. */
  public List<ElementInstance> elementInstancesOf(long processInstanceKey) {
    return elementInstances.values().stream()
        .filter(e -> e.processInstanceKey() == processInstanceKey)
        .sorted(java.util.Comparator.comparingLong(ElementInstance::key))
        .toList();
  }

  // ---- helpers

  private static <K> void removeFromIndex(Map<K, Set<Long>> index, K indexKey, long key) {
    Set<Long> keys = index.get(indexKey);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        index.remove(indexKey);
      }
    }
  }

  private static <T> List<T> lookup(Map<Long, Set<Long>> index, long indexKey, Map<Long, T> table) {
    Set<Long> keys = index.get(indexKey);
    if (keys == null) {
      return List.of();
    }
    return keys.stream().map(table::get).toList();
  }
}
