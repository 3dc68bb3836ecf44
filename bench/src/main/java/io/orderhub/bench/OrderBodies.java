package io.orderhub.bench;

/** The order every bench client places: one line of a SKU the bench stocks up before the runs. */
final class OrderBodies {

  static final String SKU = "SKU-1005";
  static final String[] WAREHOUSES = {"WH-NORTH", "WH-SOUTH"};

  private OrderBodies() {}

  static String json(String customerId) {
    return """
        {"customerId":"%s","lines":[{"sku":"%s","quantity":1,"unitPrice":10.00,"currency":"EUR"}],\
        "shippingAddress":{"recipient":"Ada","street":"1 Street","city":"London","postalCode":"N1",\
        "countryCode":"GB"}}"""
        .formatted(customerId, SKU);
  }
}
