package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.Entity;
import io.apollo.core.config.Presence;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.report.EntityReport;
import io.apollo.core.version.Version;
import java.util.Optional;

/**
 * Chooses the action for one entity from its target and what its spoke reports, in this order: {@code state:
 * absent} uninstalls; a FAILED entity rolls back to its last healthy version; no target means no plan; then the
 * target against what runs gives install, upgrade, rollback, config update or nothing. Plans in flight and invalid
 * definitions are filtered out before this is asked.
 */
final class ActionChooser {
  private final TargetResolver targets;

  ActionChooser(TargetResolver targets) {
    this.targets = targets;
  }

  Action choose(Entity entity, Optional<EntityReport> report, Target target) {
    Optional<Version> runs = report.flatMap(EntityReport::version);
    if (entity.state() == Presence.ABSENT) {
      return runs.map(v -> Action.uninstall("state: absent; uninstall " + v))
          .orElseGet(() -> Action.none(NoPlanReason.ALREADY_ABSENT, "state: absent, and nothing is installed"));
    }
    if (report.isPresent() && report.get().state() == EntityState.FAILED) {
      return afterFailure(entity, report.get(), target);
    }
    return towards(entity, report, target);
  }

  /**
   * An entity that FAILED goes back to its last healthy version, whatever its target. With nothing to go back to, a
   * person must act: either on the spoke, or by changing desired state, in which case the new change is proposed.
   */
  private Action afterFailure(Entity entity, EntityReport report, Target target) {
    Optional<Version> runs = report.version();
    // A failed plan that left a version running healthy (the spoke started the old version again when the new one
    // did not come up): that version is the last that ran healthy, and going below it would only invite the failed
    // target back with a new plan id. Roll back to it, which clears FAILED; the failed change is not proposed again.
    boolean leftHealthy = runs.isPresent() && report.health() == Health.HEALTHY
        && report.lastPlanOutcome().filter(o -> o == PlanOutcome.FAILED).isPresent();
    Optional<Version> healthy = leftHealthy ? runs : report.lastHealthyVersion();
    String failedAt = "FAILED" + runs.map(v -> " at " + v).orElse("");
    if (healthy.isPresent() && (leftHealthy || runs.isEmpty() || healthy.get().compareTo(runs.get()) != 0)) {
      Optional<Release> back = targets.rollbackRelease(entity, healthy.get());
      if (back.isEmpty()) {
        return Action.none(NoPlanReason.NEEDS_OPERATOR,
            failedAt + "; its last healthy version " + healthy.get()
                + " is recalled and no older release is eligible: a person must act");
      }
      Version to = back.get().version();
      String via = to.compareTo(healthy.get()) == 0 ? "" : " (" + healthy.get() + " is recalled or unknown)";
      return Action.propose(PlanType.ROLLBACK, back.get(), PlanReason.AUTO_ROLLBACK,
          failedAt + "; roll back to " + to + via + ", the last version that ran healthy");
    }
    Action wanted = towards(entity, Optional.of(report), target);
    if (wanted.isChange()) {
      return wanted; // desired state changed since the failure: a person acted
    }
    return Action.none(NoPlanReason.NEEDS_OPERATOR,
        failedAt + " with no other healthy version to roll back to: a person must act"
            + " (repair it on its spoke, or change its version or config)");
  }

  private Action towards(Entity entity, Optional<EntityReport> report, Target target) {
    if (!target.isPresent()) {
      return Action.none(NoPlanReason.NO_TARGET, target.message());
    }
    Version to = target.version().orElseThrow();
    Optional<Version> runs = report.flatMap(EntityReport::version);
    if (runs.isEmpty()) {
      return Action.propose(PlanType.INSTALL, to, target.release(), PlanReason.NOT_INSTALLED,
          "nothing runs; " + target.message());
    }
    int order = to.compareTo(runs.get());
    if (order != 0) {
      PlanType type = order > 0 ? PlanType.UPGRADE : PlanType.ROLLBACK;
      return Action.propose(type, to, target.release(), reasonFor(target.reason()),
          target.message());
    }
    Optional<String> runningDigest = report.flatMap(EntityReport::configDigest);
    if (runningDigest.isPresent() && !runningDigest.get().equals(entity.configDigest())) {
      return Action.propose(PlanType.CONFIG_UPDATE, to, target.release(), PlanReason.CONFIG_CHANGED,
          "runs " + to + " with config " + abbreviate(runningDigest.get()) + "; desired config is "
              + abbreviate(entity.configDigest()));
    }
    return Action.none(NoPlanReason.IN_SYNC, "runs " + runs.get() + " with the desired config");
  }

  private static PlanReason reasonFor(TargetReason target) {
    return switch (target) {
      case PINNED -> PlanReason.PIN_CHANGED;
      case ROLL_FORWARD_FROM_RECALLED, ROLL_BACK_FROM_RECALLED -> PlanReason.RECALLED_RUNNING;
      default -> PlanReason.NEWER_RELEASE;
    };
  }

  private static String abbreviate(String digest) {
    int keep = digest.startsWith("sha256:") ? 7 + 12 : 12;
    return digest.length() <= keep ? digest : digest.substring(0, keep) + "...";
  }
}
