package io.orderhub.domain.inventory.application;

import io.orderhub.domain.inventory.infrastructure.Reservations;
import io.orderhub.domain.inventory.infrastructure.Stocks;
import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.inventory.model.Stock;
import io.orderhub.domain.inventory.model.StockAdjustment;
import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entry points of the inventory context. Every call is one transaction; the events of changed
 * reservations go to the outbox in it.
 *
 * <p>Idempotency contracts: {@link #reserve} reserves an order's stock at most once, however often
 * or concurrently it is called; {@link #release}, {@link #ship} and {@link #restock} apply each
 * reservation's change at most once.
 */
public class InventoryService {

  private final Stocks stocks;
  private final Reservations reservations;
  private final OutboxWriter outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public InventoryService(
      Stocks stocks,
      Reservations reservations,
      OutboxWriter outbox,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.stocks = stocks;
    this.reservations = reservations;
    this.outbox = outbox;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Goods arrived at a warehouse: adds {@code quantity} to the available units. */
  public void receive(Sku sku, WarehouseId warehouse, int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive quantity of " + sku + " to receive, but got " + quantity);
    }
    transactions.executeWithoutResult(
        status -> stocks.receive(sku.value(), warehouse.value(), quantity));
  }

  /**
   * ReserveStock: for each requested SKU, takes the units from one warehouse that has them all (the
   * fullest first). All or nothing: when any SKU cannot be served, nothing is reserved.
   *
   * <p>Idempotent per order: if the order holds reservations, they are returned and nothing more is
   * taken — also when two calls race (the unique (order, SKU) constraint makes the loser roll back,
   * and it answers with the winner's reservations).
   */
  public ReserveResult reserve(OrderId orderId, Collection<StockRequest> requests) {
    return reserve(orderId, requests, List.of());
  }

  /**
   * {@link #reserve(OrderId, Collection)}, trying the warehouses of {@code preference} first, in
   * its order (the fulfilment routing decided it, e.g. by destination); the others follow, fullest
   * first. Stock still decides: a preferred warehouse without the units is passed over.
   */
  public ReserveResult reserve(
      OrderId orderId, Collection<StockRequest> requests, List<WarehouseId> preference) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected at least one SKU to reserve for order " + orderId + ", but got none");
    }
    try {
      return transactions.execute(status -> reserveOnce(orderId, requests, preference, status));
    } catch (DataIntegrityViolationException raced) {
      return transactions.execute(status -> reserveOnce(orderId, requests, preference, status));
    }
  }

  private ReserveResult reserveOnce(
      OrderId orderId,
      Collection<StockRequest> requests,
      List<WarehouseId> preference,
      TransactionStatus status) {
    List<Reservation> existing = reservations.findByOrder(orderId.value());
    if (!existing.isEmpty()) {
      return existing.stream().anyMatch(Reservation::isHeld)
          ? new ReserveResult.Reserved(existing, true)
          : new ReserveResult.AlreadyReleased(existing);
    }
    // one SKU after the other in a fixed order, so two orders never wait for each other's rows in
    // opposite orders (a deadlock)
    Map<Sku, Integer> bySku = new TreeMap<>(Comparator.comparing(Sku::value));
    requests.forEach(r -> bySku.merge(r.sku(), r.quantity(), Integer::sum));

    List<Reservation> reserved = new ArrayList<>();
    List<Sku> missing = new ArrayList<>();
    for (Map.Entry<Sku, Integer> request : bySku.entrySet()) {
      List<Part> parts = take(request.getKey(), request.getValue(), preference);
      if (parts.isEmpty()) {
        missing.add(request.getKey());
      } else if (missing.isEmpty()) {
        for (int partNo = 0; partNo < parts.size(); partNo++) {
          Part part = parts.get(partNo);
          reserved.add(
              Reservation.of(
                  orderId,
                  request.getKey(),
                  part.warehouse(),
                  part.quantity(),
                  partNo,
                  clock.instant()));
        }
      }
    }
    if (!missing.isEmpty()) {
      status.setRollbackOnly(); // gives back what was taken for the other SKUs
      return new ReserveResult.OutOfStock(List.copyOf(missing));
    }
    reservations.saveAllAndFlush(reserved);
    reserved.forEach(outbox::appendRecordedEvents);
    return new ReserveResult.Reserved(List.copyOf(reserved), false);
  }

  /** Units of a SKU taken from one warehouse. */
  private record Part(WarehouseId warehouse, int quantity) {}

  /**
   * Takes {@code quantity} units of {@code sku}: from one warehouse that has them all when there is
   * one (one parcel; the preferred first), else from several, fullest first. Empty when the
   * warehouses together do not hold enough; what was taken then is given back by the caller's
   * rollback.
   */
  private List<Part> take(Sku sku, int quantity, List<WarehouseId> preference) {
    // the candidate lists are snapshots; the conditional update decides, so a warehouse emptied
    // meanwhile simply answers 0 and the next one is tried
    List<String> candidates =
        new ArrayList<>(stocks.warehousesWithAvailable(sku.value(), quantity));
    List<String> preferred = preference.stream().map(WarehouseId::value).toList();
    // stable: the preferred in the decided order, then the rest as the query ranked them
    candidates.sort(
        Comparator.comparingInt(
            w -> preferred.indexOf(w) < 0 ? preferred.size() : preferred.indexOf(w)));
    for (String warehouse : candidates) {
      if (stocks.take(sku.value(), warehouse, quantity) == 1) {
        return List.of(new Part(WarehouseId.of(warehouse), quantity));
      }
    }
    List<Part> parts = new ArrayList<>();
    int remaining = quantity;
    for (Stock stock : stocks.findAvailable(sku.value())) {
      int share = Math.min(remaining, stock.level().available());
      if (share > 0 && stocks.take(sku.value(), stock.warehouse().value(), share) == 1) {
        parts.add(new Part(stock.warehouse(), share));
        remaining -= share;
      }
      if (remaining == 0) {
        return parts;
      }
    }
    return List.of();
  }

  /**
   * ReleaseStock, the compensation of {@link #reserve}: the order's reserved (or shipped and
   * recalled) units become available again. Idempotent; an order without reservations is fine.
   *
   * @return the order's reservations afterwards
   */
  public List<Reservation> release(OrderId orderId) {
    return changeAll(orderId, Reservation::release);
  }

  /** The order's goods left the warehouses: they stop counting as reserved. Idempotent. */
  public List<Reservation> ship(OrderId orderId) {
    return changeAll(orderId, Reservation::ship);
  }

  /**
   * Returned goods are back on the shelf: the order's units become available again. Idempotent:
   * restocks each reservation at most once.
   */
  public List<Reservation> restock(OrderId orderId) {
    return changeAll(orderId, Reservation::restock);
  }

  private List<Reservation> changeAll(
      OrderId orderId, Function<Reservation, Optional<StockAdjustment>> change) {
    return transactions.execute(
        status -> {
          List<Reservation> held = reservations.lockByOrder(orderId.value());
          for (Reservation reservation : held) {
            change.apply(reservation).ifPresent(this::apply);
          }
          reservations.saveAllAndFlush(held);
          held.forEach(outbox::appendRecordedEvents);
          return List.copyOf(held);
        });
  }

  private void apply(StockAdjustment adjustment) {
    int rows =
        stocks.adjust(
            adjustment.sku().value(),
            adjustment.warehouse().value(),
            adjustment.availableDelta(),
            adjustment.reservedDelta());
    if (rows != 1) {
      throw new IllegalStateException(
          "Expected a stock row for "
              + adjustment.sku()
              + " in "
              + adjustment.warehouse()
              + ", but found "
              + rows);
    }
  }

  /**
   * A stock count: {@code available} units of {@code sku} are on the shelf of {@code warehouse}
   * now. Idempotent; what is reserved stays reserved.
   *
   * @return the counters afterwards
   */
  public StockLevel count(Sku sku, WarehouseId warehouse, int available) {
    if (available < 0) {
      throw new IllegalArgumentException(
          "Expected a count of 0 or more units of " + sku + ", but got " + available);
    }
    transactions.executeWithoutResult(
        status -> stocks.count(sku.value(), warehouse.value(), available));
    return stockOf(sku, warehouse)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Expected a stock row for " + sku + " in " + warehouse + " after counting"));
  }

  /** The counters of every SKU in every warehouse, by SKU then warehouse. */
  public List<StockLevel> allStock() {
    return transactions.execute(
        status -> stocks.findAllOrdered().stream().map(Stock::level).toList());
  }

  public List<Reservation> reservationsOf(OrderId orderId) {
    return transactions.execute(status -> reservations.findByOrder(orderId.value()));
  }

  /** The counters of {@code sku} in each warehouse that ever held it. */
  public List<StockLevel> stockOf(Sku sku) {
    return transactions.execute(
        status -> stocks.findBySku(sku.value()).stream().map(Stock::level).toList());
  }

  public Optional<StockLevel> stockOf(Sku sku, WarehouseId warehouse) {
    return stockOf(sku).stream().filter(level -> level.warehouse().equals(warehouse)).findFirst();
  }
}
