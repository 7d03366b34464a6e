package io.apollo.reconciler.loop;

import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.StateChanges;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.HealthHistory;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.ReportedState;
import io.apollo.reconciler.store.HubStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the health history (since when each entity runs its version healthy, see {@link HealthHistory}) in the
 * store, pass by pass, so that a promotion bake counted before a restart of the hub goes on counting after it. The
 * first pass reads the history the store kept; each pass writes only the entries that changed. Owned by the
 * reconcile loop's thread, like the rest of a pass.
 *
 * <p>After the first pass only the entities whose reports changed are brought up to date (issue 18): an entry of an
 * unchanged report is what {@link HealthHistory#update} would give it again, since it was given from that very
 * report (an entry is kept while the version stays, and one is made for every report that runs healthy). When no
 * report changed, the last pass's state is given again as it was.
 */
final class HealthTracking {
  private final HubStore store;
  /** The reports the last pass tracked (without history), the history after it, and the state it gave. */
  private ReportedState lastReports;
  private Map<EntityId, HealthySince> known;
  private ReportedState lastTracked;

  HealthTracking(HubStore store) {
    this.store = store;
  }

  /** {@code reported} with its health history brought up to date at {@code now}, and the history stored. */
  ReportedState track(ReportedState reported, Instant now) {
    if (reported == lastReports) {
      return lastTracked;
    }
    Map<EntityId, HealthySince> previous;
    Map<EntityId, HealthySince> next;
    Set<EntityId> checked;
    if (lastReports == null) {
      previous = store.healthySince();
      next = new HashMap<>(HealthHistory.update(previous, reported, now));
      checked = new HashSet<>(previous.keySet());
      checked.addAll(next.keySet());
    } else {
      previous = known;
      checked = StateChanges.reports(lastReports, reported);
      Map<EntityId, EntityReport> changed = new HashMap<>();
      for (EntityId id : checked) {
        reported.get(id).ifPresent(r -> changed.put(id, r));
      }
      next = new HashMap<>(previous);
      next.keySet().removeAll(checked);
      next.putAll(HealthHistory.update(previous, new ReportedState(changed), now));
    }
    List<HealthySince> put = new ArrayList<>();
    Set<EntityId> removed = new HashSet<>();
    for (EntityId id : checked) {
      HealthySince after = next.get(id);
      if (after == null) {
        if (previous.containsKey(id)) {
          removed.add(id);
        }
      } else if (!after.equals(previous.get(id))) {
        put.add(after);
      }
    }
    store.updateHealthySince(put, removed);
    known = next;
    lastReports = reported;
    lastTracked = reported.withHealthySince(next);
    return lastTracked;
  }
}
