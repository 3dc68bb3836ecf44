package io.orderhub.engine.gateway.rest;

import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.DATE;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.INT;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.KEY;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.engine.api.EngineApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch operations in the 8.9 shapes: {@code POST /v2/process-instances/cancellation}, {@code
 * /incident-resolution} and {@code /migration} select instances with a process instance filter (as
 * the search does) and answer {@code {batchOperationKey, batchOperationType}} at once; progress is
 * read through {@code /v2/batch-operations} and {@code /v2/batch-operation-items}.
 */
final class BatchOperationRoutes {

  static final SearchSpec BATCH_OPERATION =
      SearchSpec.on("batch_operation")
          .column("batchOperationKey", "batch_operation_key", STRING)
          .column("batchOperationType", "type", STRING)
          .column("state", "state", STRING)
          .column("startDate", "start_date", DATE)
          .column("endDate", "end_date", DATE)
          .column("operationsTotalCount", "operations_total", INT)
          .column("operationsCompletedCount", "operations_completed", INT)
          .column("operationsFailedCount", "operations_failed", INT)
          .keyed("batchOperationKey");

  static final SearchSpec BATCH_OPERATION_ITEM =
      SearchSpec.on("batch_operation_item")
          .column("batchOperationKey", "batch_operation_key", STRING)
          .column("itemKey", "item_key", KEY)
          .column("processInstanceKey", "process_instance_key", KEY)
          .column("state", "state", STRING)
          .column("processedDate", "processed_date", DATE)
          .column("errorMessage", "error_message", STRING)
          .computed(
              "operationType",
              "SELECT b.type FROM batch_operation b WHERE b.batch_operation_key ="
                  + " t.batch_operation_key",
              STRING)
          .computed(
              "rootProcessInstanceKey",
              "SELECT p.root_process_instance_key FROM process_instance p WHERE"
                  + " p.process_instance_key = t.process_instance_key",
              KEY)
          .keyed("itemKey");

  private BatchOperationRoutes() {}

  static List<Route> routes(EngineApi engine, ReadModelQueries queries, BatchOperations batches) {
    List<Route> routes = new ArrayList<>();
    routes.add(
        Route.post(
            "/v2/process-instances/cancellation",
            r ->
                create(
                    queries,
                    batches,
                    r,
                    BatchOperations.Type.CANCEL_PROCESS_INSTANCE,
                    " AND t.state = 'ACTIVE'")));
    routes.add(
        Route.post(
            "/v2/process-instances/incident-resolution",
            r ->
                create(
                    queries,
                    batches,
                    r,
                    BatchOperations.Type.RESOLVE_INCIDENT,
                    " AND t.state = 'ACTIVE' AND EXISTS (SELECT 1 FROM incident i WHERE"
                        + " i.process_instance_key = t.process_instance_key AND i.state ="
                        + " 'ACTIVE')")));
    routes.add(
        Route.post(
            "/v2/process-instances/migration",
            r -> {
              JsonNode plan = r.jsonTree().path("migrationPlan");
              if (!plan.hasNonNull("targetProcessDefinitionKey")) {
                throw RestProblem.missingField("migrationPlan.targetProcessDefinitionKey");
              }
              RequestFields.key(
                  plan.get("targetProcessDefinitionKey").asText(),
                  "migrationPlan.targetProcessDefinitionKey");
              if (!plan.path("mappingInstructions").isArray()) {
                throw RestProblem.missingField("migrationPlan.mappingInstructions");
              }
              return create(
                  queries,
                  batches,
                  r,
                  BatchOperations.Type.MIGRATE_PROCESS_INSTANCE,
                  " AND t.state = 'ACTIVE'");
            }));
    routes.add(
        Route.post(
            "/v2/batch-operations/search",
            r ->
                RestResponse.json(
                    queries.search(
                        BATCH_OPERATION,
                        r.jsonTree(),
                        Map.of(),
                        null,
                        BatchOperationRoutes::addErrors))));
    routes.add(
        Route.get(
            "/v2/batch-operations/{batchOperationKey}",
            r -> {
              String key = r.pathParams().get("batchOperationKey");
              List<Map<String, Object>> rows =
                  queries.list(
                      "SELECT "
                          + ReadModelQueries.selectList(BATCH_OPERATION)
                          + " FROM batch_operation t WHERE t.batch_operation_key = ?",
                      BATCH_OPERATION,
                      key);
              if (rows.isEmpty()) {
                throw new RestProblem(
                    404, "NOT_FOUND", "Batch operation with key '" + key + "' not found");
              }
              addErrors(rows);
              return RestResponse.json(rows.getFirst());
            }));
    routes.add(
        Route.post(
            "/v2/batch-operation-items/search",
            r ->
                RestResponse.json(
                    queries.search(BATCH_OPERATION_ITEM, r.jsonTree(), Map.of(), null, null))));
    return routes;
  }

  private static void addErrors(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      row.put("errors", List.of());
    }
  }

  private static RestResponse create(
      ReadModelQueries queries,
      BatchOperations batches,
      RestRequest request,
      BatchOperations.Type type,
      String selection) {
    JsonNode body = request.jsonTree();
    JsonNode filter = body.get("filter");
    if (filter == null || filter.isNull()) {
      throw RestProblem.missingField("filter");
    }
    SqlSearch search = new SqlSearch(ReadModelSpecs.PROCESS_INSTANCE, SearchRoutes.piFilters());
    search.filter(filter, "filter");
    String where = search.where.isEmpty() ? " WHERE 1 = 1" : search.where.toString();
    List<Long> keys = new ArrayList<>();
    queries.query(
        "SELECT t.process_instance_key FROM process_instance t"
            + where
            + selection
            + " ORDER BY t.process_instance_key",
        search.params,
        rs -> keys.add(rs.getLong(1)));
    String key = batches.start(type, keys, new String(request.body(), StandardCharsets.UTF_8));
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("batchOperationKey", key);
    created.put("batchOperationType", type.name());
    return RestResponse.json(created);
  }
}
