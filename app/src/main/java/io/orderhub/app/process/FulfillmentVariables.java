package io.orderhub.app.process;

import io.orderhub.app.observability.TraceContext;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.ShippingAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables an {@code order-fulfillment} instance starts with, as the contract between the API,
 * the model and the workers fixes them: {@code orderId}, {@code customerId}, {@code lines} (each
 * {@code sku}, {@code quantity}, {@code unitPrice}, {@code currency}), {@code total}, {@code
 * currency}, {@code shippingAddress}; plus {@code paymentTimeout}/{@code deliverySla} when
 * configured. Amounts are JSON numbers (BigDecimal, never a binary float on our side).
 */
final class FulfillmentVariables {

  private FulfillmentVariables() {}

  static Map<String, Object> of(Order order, ProcessProperties properties) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("orderId", order.orderId().asString());
    variables.put("customerId", order.customerId().asString());
    variables.put("lines", order.lines().stream().map(FulfillmentVariables::line).toList());
    variables.put("total", order.total().amount());
    variables.put("currency", order.total().currency().getCurrencyCode());
    variables.put("shippingAddress", address(order.shippingAddress()));
    if (properties.paymentTimeout() != null) {
      variables.put("paymentTimeout", properties.paymentTimeout().toString());
    }
    if (properties.deliverySla() != null) {
      variables.put("deliverySla", properties.deliverySla().toString());
    }
    // the request's trace goes on into every job of the order (W3C trace context)
    TraceContext.currentTraceparent()
        .ifPresent(traceparent -> variables.put(TraceContext.VARIABLE, traceparent));
    return variables;
  }

  private static Map<String, Object> line(OrderLine line) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("sku", line.sku().asString());
    map.put("quantity", line.quantity());
    map.put("unitPrice", line.unitPrice().amount());
    map.put("currency", line.unitPrice().currency().getCurrencyCode());
    return map;
  }

  private static Map<String, Object> address(ShippingAddress address) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("recipient", address.recipient());
    map.put("street", address.street());
    map.put("city", address.city());
    map.put("postalCode", address.postalCode());
    map.put("countryCode", address.countryCode());
    return map;
  }
}
