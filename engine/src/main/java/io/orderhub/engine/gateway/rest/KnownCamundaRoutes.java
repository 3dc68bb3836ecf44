package io.orderhub.engine.gateway.rest;

import java.util.List;
import java.util.Set;

/**
 * Tells a Camunda 8 REST route we do not serve (answered 501, so a caller learns the feature is
 * missing) from a path that exists nowhere (404). The collections are the ones the 8.9 Java client
 * addresses; any path under them that no implemented route matches counts as a Camunda route.
 */
final class KnownCamundaRoutes {

  private static final Set<String> COLLECTIONS =
      Set.of(
          "audit-logs",
          "authentication",
          "authorizations",
          "batch-operation-items",
          "batch-operations",
          "clock",
          "cluster-variables",
          "conditionals",
          "correlated-message-subscriptions",
          "decision-definitions",
          "decision-instances",
          "decision-requirements",
          "deployments",
          "documents",
          "element-instances",
          "expression",
          "global-task-listeners",
          "groups",
          "incidents",
          "jobs",
          "license",
          "mapping-rules",
          "message-subscriptions",
          "messages",
          "process-definitions",
          "process-instances",
          "resources",
          "roles",
          "signals",
          "status",
          "system",
          "tenants",
          "topology",
          "user-tasks",
          "users",
          "variables");

  private KnownCamundaRoutes() {}

  static boolean contains(String rawPath) {
    List<String> segments = PathTemplate.split(rawPath);
    return segments.size() >= 2
        && segments.get(0).equals("v2")
        && COLLECTIONS.contains(segments.get(1));
  }
}
