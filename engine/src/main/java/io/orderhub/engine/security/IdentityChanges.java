package io.orderhub.engine.security;

import io.orderhub.engine.security.Identities.Authorization;
import io.orderhub.engine.security.Identities.Group;
import io.orderhub.engine.security.Identities.MappingRule;
import io.orderhub.engine.security.Identities.Role;
import io.orderhub.engine.security.Identities.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure changes of {@link Identities}: each returns a new value and leaves the old one alone. */
public final class IdentityChanges {

  private IdentityChanges() {}

  public static Identities putUser(Identities ids, User user) {
    Map<String, User> users = new HashMap<>(ids.users());
    users.put(user.username(), user);
    return new Identities(
        users,
        ids.roles(),
        ids.groups(),
        ids.mappingRules(),
        ids.memberships(),
        ids.authorizations(),
        ids.nextKey());
  }

  public static Identities removeUser(Identities ids, String username) {
    Map<String, User> users = new HashMap<>(ids.users());
    users.remove(username);
    Identities next =
        new Identities(
            users,
            ids.roles(),
            ids.groups(),
            ids.mappingRules(),
            ids.memberships(),
            ids.authorizations(),
            ids.nextKey());
    return removeOwner(next, "USER", username);
  }

  public static Identities putRole(Identities ids, Role role) {
    Map<String, Role> roles = new HashMap<>(ids.roles());
    roles.put(role.roleId(), role);
    return new Identities(
        ids.users(),
        roles,
        ids.groups(),
        ids.mappingRules(),
        ids.memberships(),
        ids.authorizations(),
        ids.nextKey());
  }

  public static Identities removeRole(Identities ids, String roleId) {
    Map<String, Role> roles = new HashMap<>(ids.roles());
    roles.remove(roleId);
    Map<String, Set<String>> memberships = new HashMap<>(ids.memberships());
    memberships.remove("ROLE:" + roleId);
    Identities next =
        new Identities(
            ids.users(),
            roles,
            ids.groups(),
            ids.mappingRules(),
            memberships,
            ids.authorizations(),
            ids.nextKey());
    return removeOwner(next, "ROLE", roleId);
  }

  public static Identities putGroup(Identities ids, Group group) {
    Map<String, Group> groups = new HashMap<>(ids.groups());
    groups.put(group.groupId(), group);
    return new Identities(
        ids.users(),
        ids.roles(),
        groups,
        ids.mappingRules(),
        ids.memberships(),
        ids.authorizations(),
        ids.nextKey());
  }

  public static Identities putMappingRule(Identities ids, MappingRule rule) {
    Map<String, MappingRule> rules = new HashMap<>(ids.mappingRules());
    rules.put(rule.mappingRuleId(), rule);
    return new Identities(
        ids.users(),
        ids.roles(),
        ids.groups(),
        rules,
        ids.memberships(),
        ids.authorizations(),
        ids.nextKey());
  }

  /** Makes {@code member} ({@code USER:alice}) a member of {@code target} ({@code ROLE:ops}). */
  public static Identities addMember(Identities ids, String target, String member) {
    Map<String, Set<String>> memberships = new HashMap<>(ids.memberships());
    Set<String> members = new HashSet<>(memberships.getOrDefault(target, Set.of()));
    if (!members.add(member)) {
      return ids;
    }
    memberships.put(target, Set.copyOf(members));
    return new Identities(
        ids.users(),
        ids.roles(),
        ids.groups(),
        ids.mappingRules(),
        memberships,
        ids.authorizations(),
        ids.nextKey());
  }

  public static Identities removeMember(Identities ids, String target, String member) {
    Map<String, Set<String>> memberships = new HashMap<>(ids.memberships());
    Set<String> members = new HashSet<>(memberships.getOrDefault(target, Set.of()));
    if (!members.remove(member)) {
      return ids;
    }
    memberships.put(target, Set.copyOf(members));
    return new Identities(
        ids.users(),
        ids.roles(),
        ids.groups(),
        ids.mappingRules(),
        memberships,
        ids.authorizations(),
        ids.nextKey());
  }

  public static Identities addAuthorization(
      Identities ids,
      String ownerType,
      String ownerId,
      ResourceType type,
      String resourceId,
      Set<ResourceType.Permission> permissions) {
    List<Authorization> grants = new ArrayList<>(ids.authorizations());
    grants.add(new Authorization(ids.nextKey(), ownerType, ownerId, type, resourceId, permissions));
    return new Identities(
        ids.users(),
        ids.roles(),
        ids.groups(),
        ids.mappingRules(),
        ids.memberships(),
        grants,
        ids.nextKey() + 1);
  }

  public static Identities removeAuthorization(Identities ids, long key) {
    List<Authorization> grants =
        ids.authorizations().stream().filter(a -> a.authorizationKey() != key).toList();
    return new Identities(
        ids.users(),
        ids.roles(),
        ids.groups(),
        ids.mappingRules(),
        ids.memberships(),
        grants,
        ids.nextKey());
  }

  /**
   * Drops an owner's memberships and authorizations with it, so a new one of the same name starts
   * clean.
   */
  private static Identities removeOwner(Identities ids, String ownerType, String ownerId) {
    String owner = ownerType + ":" + ownerId;
    Map<String, Set<String>> memberships = new HashMap<>();
    ids.memberships()
        .forEach(
            (target, members) -> {
              Set<String> kept = new HashSet<>(members);
              kept.remove(owner);
              memberships.put(target, Set.copyOf(kept));
            });
    List<Authorization> grants =
        ids.authorizations().stream().filter(a -> !a.owner().equals(owner)).toList();
    return new Identities(
        ids.users(),
        ids.roles(),
        ids.groups(),
        ids.mappingRules(),
        memberships,
        grants,
        ids.nextKey());
  }
}
