package io.orderhub.domain.order.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table in the order package's Javadoc says exactly what {@link OrderStatus} enforces. */
class DocumentedTransitionTableTest {

  private static final Path PACKAGE_INFO =
      Path.of("src/main/java/io/orderhub/domain/order/package-info.java");
  private static final Pattern ROW = Pattern.compile("<tr><td>\\{@code (\\w+)}</td><td>(.*?)</td>");
  private static final Pattern CODE = Pattern.compile("\\{@code (\\w+)}");

  @Test
  void shouldDocumentEveryStateWithItsAllowedNextStates() throws IOException {
    Map<OrderStatus, Set<OrderStatus>> documented = new EnumMap<>(OrderStatus.class);
    Matcher row = ROW.matcher(Files.readString(PACKAGE_INFO));
    while (row.find()) {
      Set<OrderStatus> next = EnumSet.noneOf(OrderStatus.class);
      Matcher target = CODE.matcher(row.group(2));
      while (target.find()) {
        next.add(OrderStatus.valueOf(target.group(1)));
      }
      documented.put(OrderStatus.valueOf(row.group(1)), next);
    }

    Map<OrderStatus, Set<OrderStatus>> enforced = new EnumMap<>(OrderStatus.class);
    for (OrderStatus status : OrderStatus.values()) {
      enforced.put(status, status.allowedNext());
    }
    assertThat(documented).isEqualTo(enforced);
  }
}
