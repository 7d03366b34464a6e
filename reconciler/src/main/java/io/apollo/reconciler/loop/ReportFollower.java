package io.apollo.reconciler.loop;

import io.apollo.core.plan.PlanState;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.report.ReportedState;
import io.apollo.reconciler.store.StoredPlan;
import java.util.List;
import java.util.Optional;

/**
 * Moves handed-over plans along what their spoke reports (DESIGN.md section 5): a report naming the plan as
 * {@code lastPlanId} acknowledges it, and its {@code lastPlanOutcome} sets the state: RUNNING, SUCCEEDED or FAILED
 * (no outcome yet: RUNNING). Pure.
 */
final class ReportFollower {
  private ReportFollower() {}

  /** Applies the reports to every DISPATCHED or RUNNING plan; returns the ids the reports acknowledged. */
  static List<String> follow(Changes changes, ReportedState reported) {
    List<String> acknowledged = new java.util.ArrayList<>();
    for (StoredPlan plan : changes.all()) {
      if (plan.state() != PlanState.DISPATCHED && plan.state() != PlanState.RUNNING) {
        continue;
      }
      Optional<EntityReport> report = reported.get(plan.entity())
          .filter(r -> r.lastPlanId().filter(plan.id()::equals).isPresent());
      if (report.isEmpty()) {
        continue;
      }
      if (plan.state() == PlanState.DISPATCHED) {
        acknowledged.add(plan.id());
      }
      PlanOutcome outcome = report.get().lastPlanOutcome().orElse(PlanOutcome.RUNNING);
      PlanState next = switch (outcome) {
        case RUNNING -> PlanState.RUNNING;
        case SUCCEEDED -> PlanState.SUCCEEDED;
        case FAILED -> PlanState.FAILED;
      };
      String words = report.get().message().isEmpty() ? "" : ": " + report.get().message();
      changes.move(plan, next, "REPORTED_" + outcome.name(),
          "spoke " + plan.spoke() + " reports " + outcome.name().toLowerCase(java.util.Locale.ROOT) + words);
    }
    return acknowledged;
  }
}
