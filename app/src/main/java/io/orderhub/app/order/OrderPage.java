package io.orderhub.app.order;

import java.util.List;

/** One page of a customer's orders, newest first. */
public record OrderPage(
    List<OrderView> items, int page, int size, long totalItems, int totalPages) {}
