package io.apollo.core.plan;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.ReportedState;
import java.util.Set;

/**
 * What a planning pass looks up for every entity, indexed: desired state's releases and what each environment runs.
 * Built once for a pass, or {@link #advance advanced} from the last pass's for what changed since (issue 18: an
 * index of the whole fleet per pass cost more than deciding the few entities a change affects). Immutable.
 *
 * @param reported the reported state {@code running} indexes
 */
record PlanningIndexes(ReleaseIndex releases, RunningVersions running, ReportedState reported) {
  static PlanningIndexes of(PlanningInput input) {
    return new PlanningIndexes(new ReleaseIndex(input.desired()), new RunningVersions(input.reported()),
        input.reported());
  }

  /**
   * The indexes of {@code next}: {@code changedReports} must hold every entity whose report differs between the
   * reported state these were built for and {@code next}'s.
   */
  PlanningIndexes advance(PlanningInput next, Set<EntityId> changedReports) {
    RunningVersions nextRunning;
    if (reported == next.reported() || changedReports.isEmpty()) {
      nextRunning = running;
    } else if (changedReports.size() > next.reported().entities().size() / 4) {
      // Past a quarter of the fleet, indexing afresh is cheaper than editing the index.
      nextRunning = new RunningVersions(next.reported());
    } else {
      nextRunning = running.update(reported, next.reported(), changedReports);
    }
    return new PlanningIndexes(releases.reuse(next.desired()), nextRunning, next.reported());
  }
}
