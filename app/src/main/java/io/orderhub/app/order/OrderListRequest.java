package io.orderhub.app.order;

import io.orderhub.app.web.ControlCharacters;
import io.orderhub.app.web.FieldViolation;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.OrderStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.Sort;

/**
 * The query of {@code GET /api/orders} (and gRPC {@code ListOrders}), checked as a whole: every
 * offending parameter is named, and a parameter the API does not know is refused rather than
 * silently ignored (a misspelt filter would otherwise list everything).
 */
public record OrderListRequest(OrderFilter filter, Sort sort) {

  static final Set<String> PARAMETERS =
      Set.of("customerId", "status", "createdFrom", "createdTo", "sort", "page", "size");

  /**
   * @param given the names of every parameter the caller sent (REST), so unknown ones are named
   * @throws InvalidRequest naming every offending parameter
   */
  public static OrderListRequest parse(
      Collection<String> given,
      String customerId,
      List<String> status,
      String createdFrom,
      String createdTo,
      String sort,
      int page,
      int size,
      int maxPageSize) {
    List<FieldViolation> violations = new ArrayList<>();
    new TreeSet<>(given)
        .stream()
            .filter(name -> !PARAMETERS.contains(name))
            .forEach(
                name ->
                    violations.add(
                        new FieldViolation(
                            name,
                            "is not a filter of this list; use "
                                + String.join(", ", new TreeSet<>(PARAMETERS)))));
    CustomerId customer = null;
    if (customerId != null && ControlCharacters.contains(customerId)) {
      violations.add(new FieldViolation("customerId", ControlCharacters.MESSAGE));
    } else if (customerId != null) {
      try {
        customer = CustomerId.of(customerId);
      } catch (IllegalArgumentException e) {
        violations.add(
            new FieldViolation("customerId", "must be 1-64 characters without surrounding blanks"));
      }
    }
    Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
    if (status != null) {
      for (String value : status.stream().flatMap(v -> Arrays.stream(v.split(","))).toList()) {
        try {
          statuses.add(OrderStatus.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          violations.add(new FieldViolation("status", "'" + value + "' is not an order state"));
        }
      }
    }
    Instant from = instant("createdFrom", createdFrom, violations);
    Instant to = instant("createdTo", createdTo, violations);
    if (from != null && to != null && !from.isBefore(to)) {
      violations.add(new FieldViolation("createdTo", "must be after createdFrom"));
    }
    Sort order = sort(sort, violations);
    if (page < 0) {
      violations.add(new FieldViolation("page", "must be 0 or more"));
    }
    if (size < 1 || size > maxPageSize) {
      violations.add(new FieldViolation("size", "must be between 1 and " + maxPageSize));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    return new OrderListRequest(new OrderFilter(customer, statuses, from, to), order);
  }

  private static Instant instant(String field, String value, List<FieldViolation> violations) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(
          new FieldViolation(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
      return null;
    }
  }

  private static Sort sort(String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return OrderFilter.NEWEST_FIRST;
    }
    String[] parts = value.split(",");
    String attribute = OrderFilter.SORTABLE.get(parts[0].strip());
    Sort.Direction direction = Sort.Direction.ASC;
    boolean valid = attribute != null && parts.length <= 2;
    if (valid && parts.length == 2) {
      String d = parts[1].strip().toLowerCase(Locale.ROOT);
      valid = d.equals("asc") || d.equals("desc");
      direction = d.equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
    }
    if (!valid) {
      violations.add(
          new FieldViolation(
              "sort",
              "must be property[,asc|desc] with property one of "
                  + String.join(", ", new TreeSet<>(OrderFilter.SORTABLE.keySet()))));
      return OrderFilter.NEWEST_FIRST;
    }
    return Sort.by(direction, attribute);
  }
}
