package io.apollo.core.rollout;

import io.apollo.core.config.Canary;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.Presence;
import io.apollo.core.plan.EntityDecision;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the rollouts a canary's health must halt (issue 16). For each canary entity:
 *
 * <ul>
 *   <li>reported FAILED while its target is release R (its install or upgrade to R failed): halt R;
 *   <li>reported running R DEGRADED or unhealthy: halt R;
 * </ul>
 *
 * but only while R is still rolling out (some entity the canary is the canary of does not run R: a canary that
 * degrades on what everyone runs is an incident, not a bad release), and only when no hold already keeps R from
 * every environment the halt covers: the canary's and those of the entities it is the canary of. Pure.
 */
public final class HaltDetector {
  private HaltDetector() {}

  public static List<Halt> halts(DesiredState desired, ReportedState reported, PlanningResult result) {
    List<Halt> halts = new ArrayList<>();
    for (Entity canary : desired.entities().values()) {
      if (canary.canary().isEmpty() || canary.state() != Presence.PRESENT) {
        continue;
      }
      Optional<EntityReport> report = reported.get(canary.id());
      if (report.isEmpty()) {
        continue;
      }
      detect(desired, reported, canary, report.get(), result.decision(canary.id())).ifPresent(halts::add);
    }
    return List.copyOf(halts);
  }

  private static Optional<Halt> detect(DesiredState desired, ReportedState reported, Entity canary,
      EntityReport report, Optional<EntityDecision> decision) {
    Optional<Version> release;
    HaltReason reason;
    String how;
    if (report.state() == EntityState.FAILED) {
      release = decision.flatMap(d -> d.target().version());
      reason = HaltReason.CANARY_FAILED;
      how = "failed on";
    } else if (report.isInstalled() && (report.state() == EntityState.DEGRADED
        || report.state() == EntityState.RUNNING && report.health() == Health.UNHEALTHY)) {
      release = report.version();
      reason = HaltReason.CANARY_DEGRADED;
      how = "degraded on";
    } else {
      return Optional.empty();
    }
    if (release.isEmpty()) {
      return Optional.empty();
    }
    Version r = release.get();
    Canary role = canary.canary().get();
    List<Entity> others = desired.entities().values().stream()
        .filter(e -> !e.id().equals(canary.id()) && e.product().equals(canary.product()) && role.of().matches(e))
        .toList();
    boolean rollingOut = others.isEmpty() || others.stream().anyMatch(e -> reported.get(e.id())
        .flatMap(EntityReport::version).filter(v -> v.compareTo(r) == 0).isEmpty());
    if (!rollingOut) {
      return Optional.empty();
    }
    TreeSet<String> environments = new TreeSet<>();
    environments.add(canary.environment());
    others.forEach(e -> environments.add(e.environment()));
    boolean held = environments.stream().allMatch(env -> desired.hold(canary.product(), r, env).isPresent());
    if (held) {
      return Optional.empty();
    }
    String words = report.message().isBlank() ? report.state() + ", " + report.health()
        : report.state() + ": " + report.message();
    return Optional.of(new Halt(canary.id(), canary.product(), r, environments, reason,
        "canary " + canary.id() + " " + how + " " + r + " (" + words + "): the rollout of " + r + " to "
            + String.join(", ", environments) + " is halted; lift the hold once a fixed release is out"));
  }
}
