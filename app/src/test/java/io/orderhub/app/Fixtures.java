package io.orderhub.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the tests, as plain maps: what a client would send. */
public final class Fixtures {

  private Fixtures() {}

  public static String uniqueCustomer() {
    return "customer-" + UUID.randomUUID();
  }

  public static String uniqueKey() {
    return "key-" + UUID.randomUUID();
  }

  public static Map<String, Object> line(String sku, int quantity, String unitPrice) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sku", sku);
    line.put("quantity", quantity);
    line.put("unitPrice", new java.math.BigDecimal(unitPrice));
    line.put("currency", "EUR");
    return line;
  }

  public static Map<String, Object> address() {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("recipient", "Ada Lovelace");
    address.put("street", "1 Analytical Street");
    address.put("city", "London");
    address.put("postalCode", "N1 9GU");
    address.put("countryCode", "GB");
    return address;
  }

  public static Map<String, Object> order(String customerId, List<Map<String, Object>> lines) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("customerId", customerId);
    order.put("lines", lines);
    order.put("shippingAddress", address());
    return order;
  }

  public static String orderJson(String customerId) {
    return Http.json(
        order(customerId, List.of(line("SKU-1001", 2, "12.50"), line("SKU-1002", 1, "4.99"))));
  }

  public static Map<String, String> key(String idempotencyKey) {
    return Map.of("Idempotency-Key", idempotencyKey);
  }
}
