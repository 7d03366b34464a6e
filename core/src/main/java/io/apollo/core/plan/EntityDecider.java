package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Product;
import io.apollo.core.constraint.ProposedChange;
import io.apollo.core.report.EntityState;
import io.apollo.core.plan.Action.Change;
import io.apollo.core.plan.TargetResolver.Resolution;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides one entity: at most one plan, or the reason for none. One decider serves one planning pass. */
final class EntityDecider {
  private final ReleaseIndex desired;
  private final TargetResolver targets;
  private final ActionChooser actions;
  private final PlanGate gate;
  private final Set<String> failedPlanIds;

  EntityDecider(ReleaseIndex desired, TargetResolver targets, PlanGate gate, Set<String> failedPlanIds) {
    this.desired = desired;
    this.targets = targets;
    this.actions = new ActionChooser(targets);
    this.gate = gate;
    this.failedPlanIds = failedPlanIds;
  }

  EntityDecision decide(Entity entity, Optional<EntityReport> report) {
    EntityId id = entity.id();
    // 1. Without its product there is nothing to judge the entity by: leave it alone.
    Product product = desired.product(entity.product()).orElse(null);
    if (product == null) {
      return invalid(id, "product " + entity.product() + " is not defined: left alone");
    }
    // 2. Determine what should run (for explain, even when nothing is proposed below).
    Resolution resolution = targets.resolve(entity, report);
    Target target = resolution.target();
    List<SkippedRelease> skipped = resolution.skipped();
    // 3. A plan in flight is never second-guessed.
    if (report.isPresent() && inFlight(report.get())) {
      return EntityDecision.unplanned(id, target, skipped, NoPlanReason.IN_FLIGHT,
          "a plan is running on spoke " + entity.spoke()
              + report.get().lastPlanId().map(p -> " (" + p + ")").orElse("") + "; nothing new until it finishes");
    }
    // 4. Choose the action.
    Action action = actions.choose(entity, report, target);
    if (action.noPlan().isPresent()) {
      NoPlan none = action.noPlan().get();
      return EntityDecision.unplanned(id, target, skipped, none.reason(), none.message());
    }
    Change change = action.change().orElseThrow();
    Optional<Version> from = report.flatMap(EntityReport::version);
    String digest = change.type() == PlanType.UNINSTALL ? "" : entity.configDigest();
    String planId = PlanIds.of(id, change.type(), from, change.to(), digest);
    // 5. The same change failed before: do not propose it again.
    if (failedBefore(planId, report)) {
      return EntityDecision.unplanned(id, target, skipped, NoPlanReason.FAILED_BEFORE,
          "the same " + change.type() + " (" + planId + ") already ran and failed: a person must act"
              + " (change the version or config to try again)");
    }
    // 6. Hold it to constraints and approvals.
    ProposedChange proposed = new ProposedChange(entity, product, change.type(), from, change.to(), change.release());
    return EntityDecision.planned(id, target, skipped, gate.admit(planId, proposed, change, digest));
  }

  static EntityDecision invalid(EntityId id, String message) {
    return EntityDecision.unplanned(id, Target.none(TargetReason.DEFINITION_INVALID, message), List.of(),
        NoPlanReason.DEFINITION_INVALID, message);
  }

  private static boolean inFlight(EntityReport report) {
    return report.state() == EntityState.INSTALLING
        || report.lastPlanOutcome().filter(o -> o == PlanOutcome.RUNNING).isPresent();
  }

  /** A failed plan is known from the caller's list, or from the spoke's own report of its last plan. */
  private boolean failedBefore(String planId, Optional<EntityReport> report) {
    return failedPlanIds.contains(planId)
        || report.filter(r -> r.lastPlanOutcome().filter(o -> o == PlanOutcome.FAILED).isPresent())
            .flatMap(EntityReport::lastPlanId)
            .filter(planId::equals)
            .isPresent();
  }
}
