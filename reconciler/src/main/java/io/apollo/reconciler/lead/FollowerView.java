package io.apollo.reconciler.lead;

import io.apollo.core.config.DesiredState;
import io.apollo.core.report.ReportedState;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.StoredReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a follower serves: the store's plans, approvals, acknowledgements, report times and governing commit, as a
 * snapshot the API reads like a leader's. It does not fetch git or plan, so desired state is empty (entities,
 * products and releases answer empty lists; plans and their history answer in full).
 */
final class FollowerView {
  private FollowerView() {}

  /** Reads the store (blocking). */
  static HubSnapshot read(HubStore store, long number, Instant now) {
    Map<String, Instant> reportedAt = new LinkedHashMap<>();
    for (StoredReport r : store.reports().values()) {
      reportedAt.put(r.spoke(), r.receivedAt());
    }
    return new HubSnapshot(number, now, store.meta("governing_commit"), Optional.empty(), Optional.empty(),
        List.of(), DesiredState.empty(), ReportedState.empty(), reportedAt, Optional.empty(), store.plans(),
        store.approvals(), store.acknowledgedPlans());
  }
}
