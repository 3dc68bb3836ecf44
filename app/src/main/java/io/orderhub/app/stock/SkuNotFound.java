package io.orderhub.app.stock;

/** No warehouse stocks the SKU (REST 404). */
public class SkuNotFound extends RuntimeException {

  private final String sku;

  public SkuNotFound(String sku) {
    super("No warehouse stocks SKU " + sku);
    this.sku = sku;
  }

  public String sku() {
    return sku;
  }
}
