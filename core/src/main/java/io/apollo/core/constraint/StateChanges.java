package io.apollo.core.constraint;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.ReportedState;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Which entities differ between two states, found in time linear in the fleet and with no sorting: what lets the
 * planner and its indexes redo only the changed entities' share between two passes (issue 18). An unchanged
 * entity is usually the same instance in both states (a report text not parsed again, a file not loaded again), so
 * the comparison is mostly identity. Pure.
 */
public final class StateChanges {
  private StateChanges() {}

  /**
   * The ids that {@code before} and {@code after} map differently: added, removed, or mapped to unequal values.
   * Both maps must be sorted by the ids' natural order (as {@code DesiredState}'s are): they are walked side by
   * side, not looked up.
   */
  public static <V> Set<EntityId> sorted(SortedMap<EntityId, V> before, SortedMap<EntityId, V> after) {
    return sorted(before, after, v -> v);
  }

  /**
   * As {@link #sorted(SortedMap, SortedMap)}, but values count as equal when {@code compared} gives equal results
   * for them (for an index that reads one part of each value only).
   */
  public static <V> Set<EntityId> sorted(SortedMap<EntityId, V> before, SortedMap<EntityId, V> after,
      Function<V, ?> compared) {
    Set<EntityId> changed = new HashSet<>();
    if (before == after) {
      return changed;
    }
    Iterator<Map.Entry<EntityId, V>> a = before.entrySet().iterator();
    Iterator<Map.Entry<EntityId, V>> b = after.entrySet().iterator();
    Map.Entry<EntityId, V> x = a.hasNext() ? a.next() : null;
    Map.Entry<EntityId, V> y = b.hasNext() ? b.next() : null;
    while (x != null || y != null) {
      int order = x == null ? 1 : y == null ? -1 : compare(x.getKey(), y.getKey());
      if (order == 0) {
        if (x.getValue() != y.getValue()
            && !Objects.equals(compared.apply(x.getValue()), compared.apply(y.getValue()))) {
          changed.add(y.getKey());
        }
        x = a.hasNext() ? a.next() : null;
        y = b.hasNext() ? b.next() : null;
      } else if (order < 0) {
        changed.add(x.getKey());
        x = a.hasNext() ? a.next() : null;
      } else {
        changed.add(y.getKey());
        y = b.hasNext() ? b.next() : null;
      }
    }
    return changed;
  }

  /** The ids whose entity report or health history entry differs between {@code before} and {@code after}. */
  public static Set<EntityId> reports(ReportedState before, ReportedState after) {
    Set<EntityId> changed = new HashSet<>();
    if (before == after) {
      return changed;
    }
    hashed(before.entities(), after.entities(), changed);
    hashed(before.healthySince(), after.healthySince(), changed);
    return changed;
  }

  /** Adds to {@code changed} the keys that {@code before} and {@code after} map differently. */
  private static <V> void hashed(Map<EntityId, V> before, Map<EntityId, V> after, Set<EntityId> changed) {
    if (before == after) {
      return;
    }
    int common = 0;
    for (Map.Entry<EntityId, V> e : before.entrySet()) {
      V next = after.get(e.getKey());
      if (next == null) {
        changed.add(e.getKey());
        continue;
      }
      common++;
      if (next != e.getValue() && !next.equals(e.getValue())) {
        changed.add(e.getKey());
      }
    }
    if (common < after.size()) {
      for (EntityId id : after.keySet()) {
        if (!before.containsKey(id)) {
          changed.add(id);
        }
      }
    }
  }

  private static int compare(EntityId a, EntityId b) {
    return a == b ? 0 : a.compareTo(b);
  }
}
