package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.engine.security.Caller;
import io.orderhub.engine.security.EngineSecurity;
import io.orderhub.engine.security.Identities;
import io.orderhub.engine.security.Identities.Authorization;
import io.orderhub.engine.security.Identities.Group;
import io.orderhub.engine.security.Identities.MappingRule;
import io.orderhub.engine.security.Identities.Role;
import io.orderhub.engine.security.Identities.User;
import io.orderhub.engine.security.IdentityChanges;
import io.orderhub.engine.security.IdentityStore;
import io.orderhub.engine.security.PasswordHashes;
import io.orderhub.engine.security.ResourceType;
import io.orderhub.engine.security.ResourceType.Permission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Camunda 8.9's identity endpoints ({@code /v2/users}, {@code /v2/roles}, {@code /v2/groups},
 * {@code /v2/mapping-rules}, {@code /v2/authorizations}, {@code /v2/authentication/me}) over the
 * engine's durable identity store. JSON shapes are those of the client's {@code UserRequest},
 * {@code RoleCreateRequest}, {@code AuthorizationRequest}, ... model classes.
 */
final class IdentityRoutes {

  private IdentityRoutes() {}

  static List<Route> routes(EngineSecurity security) {
    IdentityStore store = security.store();
    List<Route> routes = new ArrayList<>();
    routes.add(Route.get("/v2/authentication/me", r -> me(store.current(), RestSecurity.caller())));

    routes.add(Route.post("/v2/users", r -> createUser(store, r.jsonTree())));
    routes.add(
        Route.post(
            "/v2/users/search",
            r ->
                search(
                    r.jsonTree(),
                    store.current().users().values(),
                    IdentityRoutes::user,
                    "username")));
    routes.add(
        Route.get(
            "/v2/users/{username}",
            r ->
                RestResponse.json(
                    user(existingUser(store.current(), r.pathParams().get("username"))))));
    routes.add(
        Route.put(
            "/v2/users/{username}",
            r -> updateUser(store, r.pathParams().get("username"), r.jsonTree())));
    routes.add(
        Route.delete(
            "/v2/users/{username}",
            r -> {
              String username = r.pathParams().get("username");
              existingUser(store.current(), username);
              store.update(ids -> IdentityChanges.removeUser(ids, username));
              return RestResponse.noContent();
            }));

    routes.add(Route.post("/v2/roles", r -> createRole(store, r.jsonTree())));
    routes.add(
        Route.post(
            "/v2/roles/search",
            r ->
                search(
                    r.jsonTree(),
                    store.current().roles().values(),
                    IdentityRoutes::role,
                    "roleId")));
    routes.add(
        Route.get(
            "/v2/roles/{roleId}",
            r ->
                RestResponse.json(
                    role(existingRole(store.current(), r.pathParams().get("roleId"))))));
    routes.add(
        Route.delete(
            "/v2/roles/{roleId}",
            r -> {
              String roleId = r.pathParams().get("roleId");
              existingRole(store.current(), roleId);
              store.update(ids -> IdentityChanges.removeRole(ids, roleId));
              return RestResponse.noContent();
            }));
    for (String[] member :
        new String[][] {
          {"users", "username", "USER"},
          {"groups", "groupId", "GROUP"},
          {"clients", "clientId", "CLIENT"},
          {"mapping-rules", "mappingRuleId", "MAPPING_RULE"}
        }) {
      String template = "/v2/roles/{roleId}/" + member[0] + "/{" + member[1] + "}";
      routes.add(Route.put(template, r -> membership(store, r, "ROLE", "roleId", member, true)));
      routes.add(
          Route.delete(template, r -> membership(store, r, "ROLE", "roleId", member, false)));
    }
    routes.add(
        Route.post(
            "/v2/roles/{roleId}/users/search",
            r -> {
              Identities ids = store.current();
              String roleId = r.pathParams().get("roleId");
              existingRole(ids, roleId);
              List<Map<String, Object>> items =
                  ids.memberships().getOrDefault("ROLE:" + roleId, Set.of()).stream()
                      .filter(m -> m.startsWith("USER:"))
                      .map(m -> Map.<String, Object>of("username", m.substring(5)))
                      .sorted(Comparator.comparing(m -> (String) m.get("username")))
                      .toList();
              return page(items);
            }));

    routes.add(Route.post("/v2/groups", r -> createGroup(store, r.jsonTree())));
    routes.add(
        Route.post(
            "/v2/groups/search",
            r ->
                search(
                    r.jsonTree(),
                    store.current().groups().values(),
                    IdentityRoutes::group,
                    "groupId")));
    routes.add(
        Route.get(
            "/v2/groups/{groupId}",
            r ->
                RestResponse.json(
                    group(existingGroup(store.current(), r.pathParams().get("groupId"))))));
    String[] groupUser = {"users", "username", "USER"};
    routes.add(
        Route.put(
            "/v2/groups/{groupId}/users/{username}",
            r -> membership(store, r, "GROUP", "groupId", groupUser, true)));
    routes.add(
        Route.delete(
            "/v2/groups/{groupId}/users/{username}",
            r -> membership(store, r, "GROUP", "groupId", groupUser, false)));

    routes.add(Route.post("/v2/mapping-rules", r -> createMappingRule(store, r.jsonTree())));
    routes.add(
        Route.post(
            "/v2/mapping-rules/search",
            r ->
                search(
                    r.jsonTree(),
                    store.current().mappingRules().values(),
                    IdentityRoutes::mappingRule,
                    "mappingRuleId")));

    routes.add(Route.post("/v2/authorizations", r -> createAuthorization(store, r.jsonTree())));
    routes.add(
        Route.post(
            "/v2/authorizations/search", r -> searchAuthorizations(store.current(), r.jsonTree())));
    routes.add(
        Route.get(
            "/v2/authorizations/{authorizationKey}",
            r ->
                RestResponse.json(
                    authorization(
                        existingAuthorization(store.current(), r.pathKey("authorizationKey"))))));
    routes.add(
        Route.delete(
            "/v2/authorizations/{authorizationKey}",
            r -> {
              long key = r.pathKey("authorizationKey");
              existingAuthorization(store.current(), key);
              store.update(ids -> IdentityChanges.removeAuthorization(ids, key));
              return RestResponse.noContent();
            }));
    return routes;
  }

  private static RestResponse me(Identities ids, Caller caller) {
    Map<String, Object> body = new LinkedHashMap<>();
    User user = ids.users().get(caller.name());
    body.put("username", caller.name());
    body.put("displayName", user == null || user.name() == null ? caller.name() : user.name());
    body.put("email", user == null ? null : user.email());
    body.put("authorizedComponents", List.of("*"));
    body.put("tenants", List.of());
    body.put("groups", ownersOf(caller, "GROUP:"));
    body.put("roles", ownersOf(caller, "ROLE:"));
    body.put("canLogout", false);
    return RestResponse.json(body);
  }

  private static List<String> ownersOf(Caller caller, String prefix) {
    return caller.owners().stream()
        .filter(o -> o.startsWith(prefix))
        .map(o -> o.substring(prefix.length()))
        .sorted()
        .toList();
  }

  private static RestResponse createUser(IdentityStore store, JsonNode body) {
    String username = required(body, "username");
    String password = required(body, "password");
    User user =
        new User(username, text(body, "name"), text(body, "email"), PasswordHashes.hash(password));
    store.update(
        ids -> {
          if (ids.users().containsKey(username)) {
            throw alreadyExists("user", username);
          }
          return IdentityChanges.putUser(ids, user);
        });
    return created(user(user));
  }

  private static RestResponse updateUser(IdentityStore store, String username, JsonNode body) {
    String password = text(body, "password");
    String hash = password == null ? null : PasswordHashes.hash(password);
    Identities next =
        store.update(
            ids -> {
              User old = existingUser(ids, username);
              return IdentityChanges.putUser(
                  ids,
                  new User(
                      username,
                      body.has("name") ? text(body, "name") : old.name(),
                      body.has("email") ? text(body, "email") : old.email(),
                      hash == null ? old.passwordHash() : hash));
            });
    return RestResponse.json(user(next.users().get(username)));
  }

  private static RestResponse createRole(IdentityStore store, JsonNode body) {
    Role role =
        new Role(required(body, "roleId"), required(body, "name"), text(body, "description"));
    store.update(
        ids -> {
          if (ids.roles().containsKey(role.roleId())) {
            throw alreadyExists("role", role.roleId());
          }
          return IdentityChanges.putRole(ids, role);
        });
    return created(role(role));
  }

  private static RestResponse createGroup(IdentityStore store, JsonNode body) {
    Group group =
        new Group(required(body, "groupId"), required(body, "name"), text(body, "description"));
    store.update(
        ids -> {
          if (ids.groups().containsKey(group.groupId())) {
            throw alreadyExists("group", group.groupId());
          }
          return IdentityChanges.putGroup(ids, group);
        });
    return created(group(group));
  }

  private static RestResponse createMappingRule(IdentityStore store, JsonNode body) {
    MappingRule rule =
        new MappingRule(
            required(body, "mappingRuleId"),
            required(body, "name"),
            required(body, "claimName"),
            required(body, "claimValue"));
    store.update(
        ids -> {
          if (ids.mappingRules().containsKey(rule.mappingRuleId())) {
            throw alreadyExists("mapping rule", rule.mappingRuleId());
          }
          return IdentityChanges.putMappingRule(ids, rule);
        });
    return created(mappingRule(rule));
  }

  private static RestResponse membership(
      IdentityStore store,
      RestRequest r,
      String kind,
      String idParam,
      String[] member,
      boolean add) {
    String id = r.pathParams().get(idParam);
    String memberId = r.pathParams().get(member[1]);
    store.update(
        ids -> {
          if (kind.equals("ROLE")) {
            existingRole(ids, id);
          } else {
            existingGroup(ids, id);
          }
          if (member[2].equals("USER")) {
            existingUser(ids, memberId);
          } else if (member[2].equals("GROUP")) {
            existingGroup(ids, memberId);
          } else if (member[2].equals("MAPPING_RULE")
              && !ids.mappingRules().containsKey(memberId)) {
            throw notFound("mapping rule", memberId);
          }
          String target = kind + ":" + id;
          String who = member[2] + ":" + memberId;
          return add
              ? IdentityChanges.addMember(ids, target, who)
              : IdentityChanges.removeMember(ids, target, who);
        });
    return RestResponse.noContent();
  }

  private static RestResponse createAuthorization(IdentityStore store, JsonNode body) {
    String ownerId = required(body, "ownerId");
    String ownerType = required(body, "ownerType");
    if (!Set.of("USER", "GROUP", "ROLE", "CLIENT", "MAPPING_RULE").contains(ownerType)) {
      throw RestProblem.invalidArgument(
          "The field 'ownerType' must be one of USER, GROUP, ROLE, CLIENT, MAPPING_RULE, but was '"
              + RequestFields.printable(ownerType)
              + "'");
    }
    ResourceType type = resourceType(required(body, "resourceType"));
    String resourceId = required(body, "resourceId");
    JsonNode permissionsNode = body.get("permissionTypes");
    if (permissionsNode == null || !permissionsNode.isArray() || permissionsNode.isEmpty()) {
      throw RestProblem.invalidArgument(
          "The field 'permissionTypes' must list at least one permission of "
              + type
              + ": "
              + type.permissions());
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (JsonNode p : permissionsNode) {
      Permission permission = parsePermission(p.asText());
      if (permission == null || !type.permissions().contains(permission)) {
        throw RestProblem.invalidArgument(
            "The field 'permissionTypes' holds '"
                + RequestFields.printable(p.asText())
                + "', which is no permission of "
                + type
                + "; allowed: "
                + type.permissions());
      }
      permissions.add(permission);
    }
    Identities next =
        store.update(
            ids ->
                IdentityChanges.addAuthorization(
                    ids, ownerType, ownerId, type, resourceId, permissions));
    Authorization added = next.authorizations().getLast();
    return created(Map.of("authorizationKey", String.valueOf(added.authorizationKey())));
  }

  private static RestResponse searchAuthorizations(Identities ids, JsonNode body) {
    JsonNode filter = body.path("filter");
    Predicate<Authorization> matches = a -> true;
    if (filter.hasNonNull("ownerId")) {
      String ownerId = filter.get("ownerId").asText();
      matches = matches.and(a -> a.ownerId().equals(ownerId));
    }
    if (filter.hasNonNull("ownerType")) {
      String ownerType = filter.get("ownerType").asText();
      matches = matches.and(a -> a.ownerType().equals(ownerType));
    }
    if (filter.hasNonNull("resourceType")) {
      String resourceType = filter.get("resourceType").asText();
      matches = matches.and(a -> a.resourceType().name().equals(resourceType));
    }
    // the client sends an empty list for a filter it was not given
    if (filter.path("resourceIds").isArray() && !filter.get("resourceIds").isEmpty()) {
      List<String> resourceIds = new ArrayList<>();
      filter.get("resourceIds").forEach(n -> resourceIds.add(n.asText()));
      matches = matches.and(a -> resourceIds.contains(a.resourceId()));
    }
    return page(
        ids.authorizations().stream().filter(matches).map(IdentityRoutes::authorization).toList());
  }

  private static <T> RestResponse search(
      JsonNode body,
      java.util.Collection<T> all,
      Function<T, Map<String, Object>> shape,
      String idField) {
    JsonNode filter = body.path("filter");
    List<Map<String, Object>> items =
        all.stream()
            .map(shape)
            .filter(
                item -> {
                  var fields = filter.fields();
                  while (fields.hasNext()) {
                    var field = fields.next();
                    if (field.getValue().isTextual()
                        && !field.getValue().asText().equals(item.get(field.getKey()))) {
                      return false;
                    }
                  }
                  return true;
                })
            .sorted(Comparator.comparing(item -> String.valueOf(item.get(idField))))
            .toList();
    return page(items);
  }

  private static RestResponse page(List<Map<String, Object>> items) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("totalItems", items.size());
    page.put("hasMoreTotalItems", false);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("page", page);
    return RestResponse.json(body);
  }

  private static Map<String, Object> user(User user) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("username", user.username());
    shape.put("name", user.name());
    shape.put("email", user.email());
    return shape;
  }

  private static Map<String, Object> role(Role role) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("roleId", role.roleId());
    shape.put("name", role.name());
    shape.put("description", role.description());
    return shape;
  }

  private static Map<String, Object> group(Group group) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("groupId", group.groupId());
    shape.put("name", group.name());
    shape.put("description", group.description());
    return shape;
  }

  private static Map<String, Object> mappingRule(MappingRule rule) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("mappingRuleId", rule.mappingRuleId());
    shape.put("name", rule.name());
    shape.put("claimName", rule.claimName());
    shape.put("claimValue", rule.claimValue());
    return shape;
  }

  private static Map<String, Object> authorization(Authorization a) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("authorizationKey", String.valueOf(a.authorizationKey()));
    shape.put("ownerId", a.ownerId());
    shape.put("ownerType", a.ownerType());
    shape.put("resourceType", a.resourceType().name());
    shape.put("resourceId", a.resourceId());
    shape.put("permissionTypes", a.permissionTypes().stream().map(Enum::name).sorted().toList());
    return shape;
  }

  private static ResourceType resourceType(String name) {
    try {
      return ResourceType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw RestProblem.invalidArgument(
          "The field 'resourceType' must be one of "
              + List.of(ResourceType.values())
              + ", but was '"
              + RequestFields.printable(name)
              + "'");
    }
  }

  private static Permission parsePermission(String name) {
    try {
      return Permission.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static User existingUser(Identities ids, String username) {
    User user = ids.users().get(username);
    if (user == null) {
      throw notFound("user", username);
    }
    return user;
  }

  private static Role existingRole(Identities ids, String roleId) {
    Role role = ids.roles().get(roleId);
    if (role == null) {
      throw notFound("role", roleId);
    }
    return role;
  }

  private static Group existingGroup(Identities ids, String groupId) {
    Group group = ids.groups().get(groupId);
    if (group == null) {
      throw notFound("group", groupId);
    }
    return group;
  }

  private static Authorization existingAuthorization(Identities ids, long key) {
    return ids.authorizations().stream()
        .filter(a -> a.authorizationKey() == key)
        .findFirst()
        .orElseThrow(() -> notFound("authorization", String.valueOf(key)));
  }

  private static String required(JsonNode body, String field) {
    String value = text(body, field);
    if (value == null || value.isBlank()) {
      throw RestProblem.missingField(field);
    }
    return value;
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw RestProblem.invalidArgument("The field '" + field + "' must be a string");
    }
    return node.asText();
  }

  private static RestResponse created(Object body) {
    return new RestResponse(201, RestResponse.JSON, JsonCodec.write(body), Map.of());
  }

  private static RestProblem notFound(String what, String id) {
    return new RestProblem(
        404, "NOT_FOUND", "No " + what + " '" + RequestFields.printable(id) + "' exists");
  }

  private static RestProblem alreadyExists(String what, String id) {
    return new RestProblem(
        409,
        "ALREADY_EXISTS",
        "A " + what + " '" + RequestFields.printable(id) + "' already exists");
  }
}
