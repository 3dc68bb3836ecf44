package io.orderhub.engine.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.orderhub.engine.security.Identities.Authorization;
import io.orderhub.engine.security.Identities.Role;
import io.orderhub.engine.security.Identities.User;
import io.orderhub.engine.security.ResourceType.Permission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and authorization for every gateway: turns an {@code Authorization} header (REST)
 * or metadata entry (gRPC) into a {@link Caller}, and answers whether that caller holds a
 * permission on a resource.
 */
public final class EngineSecurity {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSecurity.class);

  /** The role the first admin holds: every permission on every resource type. */
  public static final String ADMIN_ROLE = "admin";

  private static final int MAX_CACHED_LOGINS = 10_000;

  private final SecurityConfig config;
  private final IdentityStore store;
  private final OidcTokens tokens;
  // PBKDF2 costs ~0.1 s by design: verified Basic credentials are remembered (by their SHA-256)
  // for as long as the identities they were checked against stay unchanged.
  private final Map<String, CachedLogin> logins = new ConcurrentHashMap<>();
  private volatile AuthorizationIndex index;

  private EngineSecurity(SecurityConfig config, IdentityStore store) {
    this.config = config;
    this.store = store;
    this.tokens = config.method() == AuthMethod.OIDC ? new OidcTokens(config.oidc()) : null;
  }

  /** No authentication: every caller may do anything. */
  public static EngineSecurity disabled() {
    return new EngineSecurity(SecurityConfig.none(), null);
  }

  /**
   * Opens the identity store under {@code dataDir/identity} and, on first start, creates the admin
   * role and the first admin.
   */
  public static EngineSecurity open(SecurityConfig config, Path dataDir, boolean fsync)
      throws IOException {
    if (!config.enabled()) {
      LOG.warn(
          "Engine authentication is OFF (auth none): anyone who reaches the gRPC or REST port"
              + " ({}) may deploy, start, cancel and publish. Use it only on a trusted machine.",
          config.host());
      return disabled();
    }
    EngineSecurity security =
        new EngineSecurity(config, IdentityStore.open(dataDir.resolve("identity"), fsync));
    security.initialize();
    return security;
  }

  public SecurityConfig config() {
    return config;
  }

  public boolean enabled() {
    return config.enabled();
  }

  public IdentityStore store() {
    return store;
  }

  private void initialize() {
    store.update(
        identities -> {
          Identities next = identities;
          if (!next.roles().containsKey(ADMIN_ROLE)) {
            next = IdentityChanges.putRole(next, new Role(ADMIN_ROLE, "Admin", "Every permission"));
            for (ResourceType type : ResourceType.values()) {
              next =
                  IdentityChanges.addAuthorization(
                      next, "ROLE", ADMIN_ROLE, type, "*", type.permissions());
            }
          }
          if (config.method() == AuthMethod.BASIC) {
            next = initializeAdminUser(next);
          } else {
            for (String client : config.oidc().adminClients()) {
              next = IdentityChanges.addMember(next, "ROLE:" + ADMIN_ROLE, "CLIENT:" + client);
              next = IdentityChanges.addMember(next, "ROLE:" + ADMIN_ROLE, "USER:" + client);
            }
          }
          return next;
        });
  }

  private Identities initializeAdminUser(Identities identities) {
    String username = config.adminUsername();
    User existing = identities.users().get(username);
    String given = config.adminPassword();
    if (existing != null) {
      if (given == null || PasswordHashing.matches(given, existing.passwordHash())) {
        return identities;
      }
      // the operator set a new password (env or property): it replaces the stored one
      LOG.info("Engine admin '{}': password changed to the one configured", username);
      return IdentityChanges.putUser(
          identities,
          new User(username, existing.name(), existing.email(), PasswordHashing.hash(given)));
    }
    String password = given;
    if (password == null) {
      password = PasswordHashing.generate();
      // printed once: only its hash is stored, so this line is the only place it can be read
      LOG.warn(
          "Engine admin user '{}' created with the generated password: {}  (shown once; set {} to"
              + " choose it)",
          username,
          password,
          SecurityConfig.ADMIN_PASSWORD_ENV);
    }
    Identities next =
        IdentityChanges.putUser(
            identities, new User(username, "Admin", null, PasswordHashing.hash(password)));
    return IdentityChanges.addMember(next, "ROLE:" + ADMIN_ROLE, "USER:" + username);
  }

  /**
   * Creates or resets a user holding exactly the given permissions (on every resource of each
   * type), e.g. the all-in-one app's own client, which gets a fresh password at every start.
   */
  public void provisionUser(
      String username, String password, Map<ResourceType, Set<ResourceType.Permission>> grants) {
    String hash = PasswordHashing.hash(password);
    store.update(
        identities -> {
          Identities next = IdentityChanges.removeUser(identities, username);
          next = IdentityChanges.putUser(next, new User(username, username, null, hash));
          for (Map.Entry<ResourceType, Set<ResourceType.Permission>> grant : grants.entrySet()) {
            next =
                IdentityChanges.addAuthorization(
                    next, "USER", username, grant.getKey(), "*", grant.getValue());
          }
          return next;
        });
  }

  /**
   * Authenticates a request by its {@code Authorization} value.
   *
   * @throws AuthenticationException when it is missing, malformed or not accepted
   */
  public Caller authenticate(String authorization) throws AuthenticationException {
    if (!config.enabled()) {
      return Caller.ANYONE;
    }
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException(
          "Missing credentials: send an Authorization header ("
              + (config.method() == AuthMethod.BASIC ? "Basic" : "Bearer")
              + ")");
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    String credentials = space < 0 ? "" : value.substring(space + 1).strip();
    if (config.method() == AuthMethod.BASIC && scheme.equalsIgnoreCase("Basic")) {
      return basic(credentials);
    }
    if (config.method() == AuthMethod.OIDC && scheme.equalsIgnoreCase("Bearer")) {
      return bearer(credentials);
    }
    throw new AuthenticationException(
        "Unsupported authentication scheme '"
            + scheme
            + "': this engine expects "
            + (config.method() == AuthMethod.BASIC ? "Basic" : "Bearer"));
  }

  private Caller basic(String encoded) throws AuthenticationException {
    Identities identities = store.current();
    String cacheKey = sha256(encoded);
    CachedLogin cached = logins.get(cacheKey);
    if (cached != null && cached.identities() == identities) {
      return cached.caller();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("Malformed Basic credentials: not Base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new AuthenticationException("Malformed Basic credentials: expected user:password");
    }
    String username = decoded.substring(0, colon);
    User user = identities.users().get(username);
    if (user == null
        || !PasswordHashing.matches(decoded.substring(colon + 1), user.passwordHash())) {
      throw new AuthenticationException("Invalid user name or password");
    }
    Caller caller = new Caller(username, owners(identities, Set.of("USER:" + username)), false);
    if (logins.size() >= MAX_CACHED_LOGINS) {
      logins.clear();
    }
    logins.put(cacheKey, new CachedLogin(identities, caller));
    return caller;
  }

  private Caller bearer(String token) throws AuthenticationException {
    JWTClaimsSet claims = tokens.validate(token);
    OidcConfig oidc = config.oidc();
    Set<String> direct = new HashSet<>();
    String username = stringClaim(claims, oidc.usernameClaim());
    String clientId = stringClaim(claims, oidc.clientIdClaim());
    if (username != null) {
      direct.add("USER:" + username);
    }
    if (clientId != null) {
      direct.add("CLIENT:" + clientId);
    }
    for (String group : listClaim(claims, oidc.groupsClaim())) {
      direct.add("GROUP:" + group);
    }
    Identities identities = store.current();
    for (Identities.MappingRule rule : identities.mappingRules().values()) {
      if (listClaim(claims, rule.claimName()).contains(rule.claimValue())) {
        direct.add("MAPPING_RULE:" + rule.mappingRuleId());
      }
    }
    String name = username != null ? username : clientId != null ? clientId : claims.getSubject();
    return new Caller(name, owners(identities, direct), false);
  }

  /** Whether the caller holds the permission on the resource (or on all of its type). */
  public boolean allowed(
      Caller caller, ResourceType type, Permission permission, String resourceId) {
    if (caller.unrestricted()) {
      return true;
    }
    AuthorizationIndex current = index();
    for (String owner : caller.owners()) {
      for (Authorization grant : current.byOwner().getOrDefault(owner, List.of())) {
        if (grant.resourceType() == type
            && grant.permissionTypes().contains(permission)
            && (grant.resourceId().equals("*") || grant.resourceId().equals(resourceId))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The resource ids of a type the caller may use with the permission; null means all of them (a
   * wildcard grant, or authentication off).
   */
  public Set<String> allowedIds(Caller caller, ResourceType type, Permission permission) {
    if (caller.unrestricted()) {
      return null;
    }
    Set<String> ids = new HashSet<>();
    AuthorizationIndex current = index();
    for (String owner : caller.owners()) {
      for (Authorization grant : current.byOwner().getOrDefault(owner, List.of())) {
        if (grant.resourceType() == type && grant.permissionTypes().contains(permission)) {
          if (grant.resourceId().equals("*")) {
            return null;
          }
          ids.add(grant.resourceId());
        }
      }
    }
    return ids;
  }

  private AuthorizationIndex index() {
    Identities identities = store.current();
    AuthorizationIndex current = index;
    if (current == null || current.identities() != identities) {
      Map<String, List<Authorization>> byOwner = new HashMap<>();
      for (Authorization grant : identities.authorizations()) {
        byOwner.computeIfAbsent(grant.owner(), o -> new ArrayList<>()).add(grant);
      }
      current = new AuthorizationIndex(identities, byOwner);
      index = current;
    }
    return current;
  }

  /** The direct owners plus the groups and roles they belong to (a group's roles too). */
  static Set<String> owners(Identities identities, Collection<String> direct) {
    Set<String> owners = new HashSet<>(direct);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> membership : identities.memberships().entrySet()) {
        if (!owners.contains(membership.getKey())
            && membership.getValue().stream().anyMatch(owners::contains)) {
          owners.add(membership.getKey());
          grew = true;
        }
      }
    }
    return owners;
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static List<String> listClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private record CachedLogin(Identities identities, Caller caller) {}

  private record AuthorizationIndex(
      Identities identities, Map<String, List<Authorization>> byOwner) {}
}
