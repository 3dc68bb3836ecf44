package io.orderhub.domain.shipment.application;

import io.orderhub.domain.shipment.model.Shipment;

/** What became of a recall (the RecallShipment compensation). Expected outcomes. */
public sealed interface RecallResult {

  record Recalled(Shipment shipment) implements RecallResult {}

  record AlreadyRecalled(Shipment shipment) implements RecallResult {}

  /** The order was never routed: nothing to call back. */
  record NothingToRecall(String reason) implements RecallResult {}

  /** Delivered already: only a return brings the goods back. */
  record TooLate(Shipment shipment) implements RecallResult {}
}
