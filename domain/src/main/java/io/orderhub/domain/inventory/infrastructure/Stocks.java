package io.orderhub.domain.inventory.infrastructure;

import io.orderhub.domain.inventory.model.Stock;
import io.orderhub.domain.inventory.model.StockKey;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The stock counters, changed only by single SQL statements: each one is atomic on its row, and a
 * conditional one is re-evaluated by PostgreSQL against the latest committed row after waiting for
 * a concurrent writer, so no check-then-act race exists.
 */
public interface Stocks extends JpaRepository<Stock, StockKey> {

  /** Warehouses that had at least {@code quantity} available, fullest first. A hint only. */
  @Query(
      """
      select s.key.warehouseId from Stock s
      where s.key.sku = :sku and s.available >= :quantity
      order by s.available desc, s.key.warehouseId
      """)
  List<String> warehousesWithAvailable(String sku, int quantity);

  /**
   * Moves {@code quantity} from available to reserved if — at the moment of the update — at least
   * that much is available.
   *
   * @return 1 when taken, 0 when not enough was available
   */
  @Modifying
  @Query(
      """
      update Stock s set s.available = s.available - :quantity, s.reserved = s.reserved + :quantity
      where s.key.sku = :sku and s.key.warehouseId = :warehouse and s.available >= :quantity
      """)
  int take(String sku, String warehouse, int quantity);

  @Modifying
  @Query(
      """
      update Stock s set s.available = s.available + :availableDelta,
                         s.reserved = s.reserved + :reservedDelta
      where s.key.sku = :sku and s.key.warehouseId = :warehouse
      """)
  int adjust(String sku, String warehouse, int availableDelta, int reservedDelta);

  @Modifying
  @Query(
      nativeQuery = true,
      value =
          """
          insert into inventory.stock (sku, warehouse_id, available, reserved)
          values (:sku, :warehouse, :quantity, 0)
          on conflict (sku, warehouse_id)
          do update set available = inventory.stock.available + excluded.available
          """)
  int receive(String sku, String warehouse, int quantity);

  /**
   * A stock count: sets the units available on the shelf of {@code warehouse}, creating the row if
   * the warehouse never held the SKU. Reserved units are not touched.
   */
  @Modifying
  @Query(
      nativeQuery = true,
      value =
          """
          insert into inventory.stock (sku, warehouse_id, available, reserved)
          values (:sku, :warehouse, :available, 0)
          on conflict (sku, warehouse_id) do update set available = excluded.available
          """)
  int count(String sku, String warehouse, int available);

  @Query("select s from Stock s order by s.key.sku, s.key.warehouseId")
  List<Stock> findAllOrdered();

  /** The warehouses holding some of {@code sku}, fullest first. A hint only. */
  @Query(
      """
      select s from Stock s where s.key.sku = :sku and s.available > 0
      order by s.available desc, s.key.warehouseId
      """)
  List<Stock> findAvailable(String sku);

  @Query("select s from Stock s where s.key.sku = :sku order by s.key.warehouseId")
  List<Stock> findBySku(String sku);
}
