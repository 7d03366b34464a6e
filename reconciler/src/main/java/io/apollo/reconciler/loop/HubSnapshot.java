package io.apollo.reconciler.loop;

import io.apollo.core.config.DesiredState;
import io.apollo.core.load.Problem;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.ReportedState;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the hub knows after a pass, immutable, published for HTTP handlers to read without locks or I/O.
 * {@code result} is empty until a commit has been loaded; {@code reportedAt} holds, for each spoke that has
 * reported, when its latest report came; {@code acknowledged} the plans a spoke took; {@code fileEdits} the plan
 * files on the governed branch that differ from what the hub proposed, by plan id.
 */
public record HubSnapshot(
    long pass,
    Instant at,
    Optional<String> commit,
    Optional<Instant> lastFetch,
    Optional<String> fetchError,
    List<Problem> problems,
    DesiredState desired,
    ReportedState reported,
    Map<String, Instant> reportedAt,
    Optional<PlanningResult> result,
    List<StoredPlan> plans,
    Map<String, List<StoredApproval>> approvals,
    Set<String> acknowledged,
    Map<String, PlanFileEdit> fileEdits) {

  public HubSnapshot {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(lastFetch, "lastFetch");
    Objects.requireNonNull(fetchError, "fetchError");
    problems = List.copyOf(problems);
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(reported, "reported");
    reportedAt = Map.copyOf(reportedAt);
    Objects.requireNonNull(result, "result");
    plans = List.copyOf(plans);
    approvals = Map.copyOf(approvals);
    acknowledged = Set.copyOf(acknowledged);
    fileEdits = Map.copyOf(fileEdits);
  }

  /** A snapshot in which no plan file differs from what the hub proposed. */
  public HubSnapshot(long pass, Instant at, Optional<String> commit, Optional<Instant> lastFetch,
      Optional<String> fetchError, List<Problem> problems, DesiredState desired, ReportedState reported,
      Map<String, Instant> reportedAt, Optional<PlanningResult> result, List<StoredPlan> plans,
      Map<String, List<StoredApproval>> approvals, Set<String> acknowledged) {
    this(pass, at, commit, lastFetch, fetchError, problems, desired, reported, reportedAt, result, plans, approvals,
        acknowledged, Map.of());
  }

  /** Before the first pass: nothing loaded, nothing known. */
  public static HubSnapshot empty(Instant at) {
    return new HubSnapshot(0, at, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        DesiredState.empty(), ReportedState.empty(), Map.of(), Optional.empty(), List.of(), Map.of(), Set.of());
  }

  public Optional<StoredPlan> plan(String id) {
    return plans.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The plans handed to {@code spoke} that no report of it has named yet: what its long poll answers. */
  public List<StoredPlan> waitingFor(String spoke) {
    return plans.stream().filter(p -> p.spoke().equals(spoke) && p.state() == PlanState.DISPATCHED).toList();
  }

  public boolean hasReported(String spoke) {
    return reportedAt.containsKey(spoke);
  }
}
