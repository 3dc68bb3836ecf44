package io.orderhub.engine.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the engine knows about who may do what, as one immutable value: each change produces a
 * new one, which is written durably before it is used.
 *
 * @param memberships members per role or group, keyed {@code ROLE:id} / {@code GROUP:id}, each
 *     member written {@code USER:name}, {@code GROUP:id}, {@code CLIENT:id} or {@code
 *     MAPPING_RULE:id}
 */
public record Identities(
    Map<String, User> users,
    Map<String, Role> roles,
    Map<String, Group> groups,
    Map<String, MappingRule> mappingRules,
    Map<String, Set<String>> memberships,
    List<Authorization> authorizations,
    long nextKey) {

  public Identities {
    users = Map.copyOf(users);
    roles = Map.copyOf(roles);
    groups = Map.copyOf(groups);
    mappingRules = Map.copyOf(mappingRules == null ? Map.of() : mappingRules);
    memberships = Map.copyOf(memberships);
    authorizations = List.copyOf(authorizations);
  }

  static Identities empty() {
    return new Identities(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), 1);
  }

  public record User(String username, String name, String email, String passwordHash) {}

  public record Role(String roleId, String name, String description) {}

  public record Group(String groupId, String name, String description) {}

  public record MappingRule(
      String mappingRuleId, String name, String claimName, String claimValue) {}

  /**
   * Permissions on a resource type granted to one owner.
   *
   * @param ownerType USER, GROUP, ROLE, CLIENT or MAPPING_RULE
   * @param resourceId one resource's id (a process id, a message name, ...) or {@code *} for all
   */
  public record Authorization(
      long authorizationKey,
      String ownerType,
      String ownerId,
      ResourceType resourceType,
      String resourceId,
      Set<ResourceType.Permission> permissionTypes) {

    public Authorization {
      permissionTypes = Set.copyOf(permissionTypes);
    }

    String owner() {
      return ownerType + ":" + ownerId;
    }
  }
}
