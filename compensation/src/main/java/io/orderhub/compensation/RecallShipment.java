package io.orderhub.compensation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.shipment.application.RecallResult;
import io.orderhub.domain.shipment.application.ShipmentService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code shipment.recall} — RecallShipment, the compensation of routing and dispatch: parcels not
 * yet handed over are cancelled, parcels on their way are called back.
 */
@Component
public class RecallShipment {

  private static final Logger LOG = LoggerFactory.getLogger(RecallShipment.class);

  private final ShipmentService shipments;

  public RecallShipment(ShipmentService shipments) {
    this.shipments = shipments;
  }

  @JobWorker(type = "shipment.recall", retryBackoff = Compensations.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> recall(@Variable String orderId) {
    String outcome =
        switch (shipments.recall(Compensations.orderId(orderId))) {
          case RecallResult.Recalled ignored -> "RECALLED";
          case RecallResult.AlreadyRecalled ignored -> "ALREADY_RECALLED";
          case RecallResult.NothingToRecall ignored -> "NOTHING_TO_RECALL";
          case RecallResult.TooLate late -> {
            // the model ends the cancellable part at delivery, so this means a model change broke
            // that promise: leave a trace, a return is the way back now
            LOG.warn("Shipment of order {} was delivered before it could be recalled", orderId);
            yield "TOO_LATE";
          }
        };
    return Map.of("shipmentRecall", outcome);
  }
}
