package io.orderhub.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Keys ordered by the time they fall due: timers, job deadlines, back-offs, message TTLs. */
final class DueIndex {

  private final TreeMap<Long, Set<Long>> byDue = new TreeMap<>();
  private final Map<Long, Long> dueByKey = new HashMap<>();

  void put(long key, long due) {
    remove(key);
    byDue.computeIfAbsent(due, d -> new LinkedHashSet<>()).add(key);
    dueByKey.put(key, due);
  }

  void remove(long key) {
    Long due = dueByKey.remove(key);
    if (due != null) {
      Set<Long> keys = byDue.get(due);
      keys.remove(key);
      if (keys.isEmpty()) {
        byDue.remove(due);
      }
    }
  }

  /** Keys due at or before {@code now}, earliest first. */
  List<Long> dueAt(long now) {
    List<Long> result = new ArrayList<>();
    for (Set<Long> keys : byDue.headMap(now, true).values()) {
      result.addAll(keys);
    }
    return result;
  }

  /** The earliest due time, or {@link Long#MAX_VALUE} when nothing is waiting. */
  long next() {
    return byDue.isEmpty() ? Long.MAX_VALUE : byDue.firstKey();
  }
}
