package io.orderhub.engine.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deployed decisions: decision requirements graphs and their decisions by key, their versions
 * by id, and which decision versions each deployment brought (for {@code bindingType=deployment}).
 * Part of {@link EngineState}; only {@link EventApplier} and the snapshot codec change it.
 *
 * <p>Not thread-safe: owned by the processing thread like the rest of the state.
 */
public final class DecisionState {

  // tables
  final Map<Long, DecisionRequirementsDefinition> requirements = new HashMap<>();
  final Map<Long, DecisionDefinition> decisions = new HashMap<>();

  /** deployment key -> decision id -> decision key, for every decision a deployment held */
  final Map<Long, Map<String, Long>> decisionsByDeployment = new HashMap<>();

  // indexes, rebuilt from the tables
  private final Map<String, TreeMap<Integer, DecisionRequirementsDefinition>> requirementsVersions =
      new HashMap<>();
  private final Map<String, TreeMap<Integer, DecisionDefinition>> decisionVersions =
      new HashMap<>();

  DecisionState() {}

  public Optional<DecisionRequirementsDefinition> requirements(long key) {
    return Optional.ofNullable(requirements.get(key));
  }

  public Optional<DecisionRequirementsDefinition> latestRequirements(
      String decisionRequirementsId, String tenantId) {
    return latest(requirementsVersions.get(index(tenantId, decisionRequirementsId)));
  }

  public Optional<DecisionDefinition> decision(long key) {
    return Optional.ofNullable(decisions.get(key));
  }

  public Optional<DecisionDefinition> latestDecision(String decisionId, String tenantId) {
    return latest(decisionVersions.get(index(tenantId, decisionId)));
  }

  /** The latest version of the decision whose version tag is {@code versionTag}. */
  public Optional<DecisionDefinition> latestDecisionWithTag(
      String decisionId, String versionTag, String tenantId) {
    TreeMap<Integer, DecisionDefinition> versions =
        decisionVersions.get(index(tenantId, decisionId));
    if (versions == null) {
      return Optional.empty();
    }
    return versions.descendingMap().values().stream()
        .filter(d -> versionTag.equals(d.versionTag()))
        .findFirst();
  }

  /** The version of the decision that the deployment held, new or unchanged. */
  public Optional<DecisionDefinition> decisionOfDeployment(long deploymentKey, String decisionId) {
    Long key = decisionsByDeployment.getOrDefault(deploymentKey, Map.of()).get(decisionId);
    return key == null ? Optional.empty() : decision(key);
  }

  /** The decisions of one version of a decision requirements graph. */
  public List<DecisionDefinition> decisionsOf(long decisionRequirementsKey) {
    return decisions.values().stream()
        .filter(d -> d.decisionRequirementsKey() == decisionRequirementsKey)
        .sorted(java.util.Comparator.comparingLong(DecisionDefinition::key))
        .toList();
  }

  public Collection<DecisionDefinition> decisions() {
    return decisions.values();
  }

  void putRequirements(DecisionRequirementsDefinition definition) {
    requirements.put(definition.key(), definition);
    requirementsVersions
        .computeIfAbsent(
            index(definition.tenantId(), definition.decisionRequirementsId()), k -> new TreeMap<>())
        .put(definition.version(), definition);
  }

  void putDecision(DecisionDefinition definition) {
    decisions.put(definition.key(), definition);
    decisionVersions
        .computeIfAbsent(
            index(definition.tenantId(), definition.decisionId()), k -> new TreeMap<>())
        .put(definition.version(), definition);
  }

  void putDeploymentDecisions(long deploymentKey, Map<String, Long> decisionKeys) {
    decisionsByDeployment.computeIfAbsent(deploymentKey, k -> new HashMap<>()).putAll(decisionKeys);
  }

  private static String index(String tenantId, String id) {
    return tenantId + "/" + id;
  }

  private static <T> Optional<T> latest(TreeMap<Integer, T> versions) {
    return versions == null || versions.isEmpty()
        ? Optional.empty()
        : Optional.of(versions.lastEntry().getValue());
  }
}
