package io.apollo.reconciler.loop;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.HealthHistory;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.ReportedState;
import io.apollo.reconciler.store.HubStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the health history (since when each entity runs its version healthy, see {@link HealthHistory}) in the
 * store, pass by pass, so that a promotion bake counted before a restart of the hub goes on counting after it. The
 * first pass reads the history the store kept; each pass writes only the entries that changed. Owned by the
 * reconcile loop's thread, like the rest of a pass.
 */
final class HealthTracking {
  private final HubStore store;
  private Optional<Map<EntityId, HealthySince>> known = Optional.empty();

  HealthTracking(HubStore store) {
    this.store = store;
  }

  /** {@code reported} with its health history brought up to date at {@code now}, and the history stored. */
  ReportedState track(ReportedState reported, Instant now) {
    Map<EntityId, HealthySince> previous = known.orElseGet(store::healthySince);
    Map<EntityId, HealthySince> next = HealthHistory.update(previous, reported, now);
    List<HealthySince> put = new ArrayList<>();
    next.forEach((id, h) -> {
      if (!h.equals(previous.get(id))) {
        put.add(h);
      }
    });
    Set<EntityId> removed = new HashSet<>(previous.keySet());
    removed.removeAll(next.keySet());
    store.updateHealthySince(put, removed);
    known = Optional.of(next);
    return reported.withHealthySince(next);
  }
}
