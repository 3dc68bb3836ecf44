package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows a search to what its caller may read: the filter gains an {@code $in} of the allowed ids
 * on the resource's id field, which the SQL search ANDs with whatever the caller asked for there,
 * so results (and their totals) never include a resource the caller may not read.
 */
final class SearchNarrowing {

  private SearchNarrowing() {}

  static RestRequest narrow(RestRequest request, String field, Set<String> allowedIds) {
    JsonNode tree = request.jsonTree();
    if (!tree.isObject()) {
      return request; // the handler refuses it with its own 400
    }
    ObjectNode body = ((ObjectNode) tree).deepCopy();
    JsonNode filterNode = body.get("filter");
    if (filterNode != null && !filterNode.isNull() && !filterNode.isObject()) {
      return request;
    }
    ObjectNode filter =
        filterNode == null || filterNode.isNull()
            ? body.putObject("filter")
            : (ObjectNode) filterNode;
    ArrayNode allowed = JsonNodeFactory.instance.arrayNode();
    new TreeSet<>(allowedIds).forEach(allowed::add);
    JsonNode asked = filter.get(field);
    ObjectNode condition;
    if (asked == null || asked.isNull()) {
      condition = JsonNodeFactory.instance.objectNode();
    } else if (asked.isObject()) {
      condition = ((ObjectNode) asked).deepCopy();
      if (condition.has("$in")) {
        // two $in on one field: keep the caller's, intersected with what it may read
        Set<String> both = new TreeSet<>();
        condition
            .get("$in")
            .forEach(
                id -> {
                  if (allowedIds.contains(id.asText())) {
                    both.add(id.asText());
                  }
                });
        allowed = JsonNodeFactory.instance.arrayNode();
        both.forEach(allowed::add);
        if (both.isEmpty()) {
          allowed.add("\u0000no readable resource");
        }
      }
    } else {
      condition = JsonNodeFactory.instance.objectNode();
      condition.set("$eq", asked);
    }
    condition.set("$in", allowed);
    filter.set(field, condition);
    // the rewritten body is JSON even where the caller sent none (an empty search needs no type)
    com.sun.net.httpserver.Headers headers = new com.sun.net.httpserver.Headers(request.headers());
    headers.set("Content-Type", RestResponse.JSON);
    return new RestRequest(
        request.path(), request.pathParams(), headers, JsonCodec.write(body), request.query());
  }
}
