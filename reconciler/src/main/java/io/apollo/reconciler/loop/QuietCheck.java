package io.apollo.reconciler.loop;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whether a pass has anything new to plan from, against the last full pass (issue 7: a fetch that finds nothing new
 * must not plan again). Plans depend on the commit loaded, the plan branches (a person may delete one to withdraw a
 * proposal), reports, approvals read from that commit, and the clock; a pass asked for only by the fetch tick or a
 * git webhook, on the same commit and branches, after a full pass that fetched and finished its git work, would
 * plan exactly what that pass planned. Reports, a new term and the moments windows turn come with their own
 * triggers, so they always get a full pass.
 *
 * @param full the last full pass's snapshot
 * @param branches the plan branches as that pass left them
 */
record QuietCheck(HubSnapshot full, Set<String> branches) {
  /** The triggers that only ask for a fetch: the poll interval and a git webhook (see {@code HubApi}). */
  static final Set<String> FETCH_ONLY = Set.of(ReconcileLoop.POLL, ReconcileLoop.WEBHOOK);

  QuietCheck {
    branches = Set.copyOf(branches);
  }

  /**
   * The snapshot to publish when nothing is new: the last full pass's plans with this pass's number, time and
   * fetch, and the plans spokes have acknowledged since; empty when this pass must plan.
   */
  Optional<HubSnapshot> keep(long number, Instant now, String why, Optional<String> head,
      Optional<String> fetchError, Optional<Instant> lastFetch, Set<String> branchesNow,
      Supplier<Set<String>> acknowledged) {
    if (!onlyFetches(why) || fetchError.isPresent() || !head.equals(full.commit()) || !branchesNow.equals(branches)) {
      return Optional.empty();
    }
    return Optional.of(new HubSnapshot(number, now, head, lastFetch, fetchError, full.problems(), full.desired(),
        full.reported(), full.reportedAt(), full.result(), full.plans(), full.approvals(), acknowledged.get(),
        full.fileEdits()));
  }

  /** Whether every trigger of {@code why} (the loop joins them with ", ") only asks for a fetch. */
  static boolean onlyFetches(String why) {
    for (String reason : why.split(", ")) {
      if (!FETCH_ONLY.contains(reason)) {
        return false;
      }
    }
    return true;
  }
}
