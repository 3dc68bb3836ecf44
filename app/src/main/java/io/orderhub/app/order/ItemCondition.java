package io.orderhub.app.order;

/** The condition of returned goods, which the return's inspection decides by. */
public enum ItemCondition {
  /** Resellable: the return is refunded and restocked. */
  AS_NEW,
  /** Fails inspection: the return ends RETURN_REJECTED. */
  DAMAGED
}
