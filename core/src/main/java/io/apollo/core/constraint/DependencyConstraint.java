package io.apollo.core.constraint;

import io.apollo.core.config.ConstraintRule.Dependency;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityState;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Product dependencies, both directions, within the changed entity's environment:
 *
 * <ol>
 *   <li>upstream: every non-optional product dependency of the target release is met by some entity of that product
 *       that is RUNNING (and HEALTHY when {@code requireHealthy}; DEGRADED counts as running otherwise) at a reported
 *       version in [minimum, maximum matcher]. An uninstall has no target and skips this half;
 *   <li>downstream: the change does not move its product out of the range that an installed dependent's running
 *       release declares, and does not uninstall a product such a dependent needs. A config update keeps the version
 *       and skips this half.
 * </ol>
 *
 * A violation never says when it lifts: that depends on other plans and on health. Ordering plans so that
 * dependencies go first is the planner's job.
 */
final class DependencyConstraint {
  private final String name;
  private final boolean requireHealthy;

  DependencyConstraint(String name, Dependency rule) {
    this.name = Objects.requireNonNull(name, "name");
    this.requireHealthy = rule.requireHealthy();
  }

  Verdict evaluate(ProposedChange change, Fleet fleet) {
    String environment = change.entity().environment();
    List<String> problems = new ArrayList<>();
    List<String> met = new ArrayList<>();

    // 1. Upstream: what the target release needs must run in the environment now.
    if (change.type() != PlanType.UNINSTALL) {
      List<ProductDependency> needs = change.targetRelease().map(Release::requiredDependencies).orElse(List.of());
      for (ProductDependency need : needs) {
        checkUpstream(need, environment, fleet, problems, met);
      }
      if (needs.isEmpty()) {
        met.add(change.targetRelease().map(r -> r.product() + " " + r.version()).orElse("the target")
            + " needs no other product");
      }
    }

    // 2. Downstream: what runs in the environment must keep the version range it needs.
    if (movesProduct(change)) {
      List<Fleet.Dependent> dependents = fleet.dependentsOf(environment, change.entity().product()).stream()
          .filter(d -> !d.id().equals(change.entity().id()))
          .toList();
      for (Fleet.Dependent dependent : dependents) {
        checkDependent(dependent, change, problems, met);
      }
      if (dependents.isEmpty()) {
        met.add("no installed entity in " + environment + " needs " + change.entity().product());
      }
    }

    if (problems.isEmpty()) {
      String message = met.isEmpty() ? "nothing to check" : String.join("; ", met);
      return Verdict.satisfied(name, ConstraintKind.DEPENDENCY, message);
    }
    return Verdict.violated(name, ConstraintKind.DEPENDENCY, String.join("; and ", problems), Optional.empty());
  }

  private void checkUpstream(
      ProductDependency need, String environment, Fleet fleet, List<String> problems, List<String> met) {
    List<Fleet.Member> members = fleet.membersOf(environment, need.product());
    List<String> shortfalls = new ArrayList<>();
    for (Fleet.Member member : members) {
      Optional<String> shortfall = shortfall(member, need);
      if (shortfall.isEmpty()) {
        EntityReport report = member.report().orElseThrow();
        met.add(need.product() + " in " + need.range() + " met by " + member.id() + " at "
            + report.version().orElseThrow() + (requireHealthy ? ", healthy" : ", " + report.state()));
        return;
      }
      shortfalls.add(shortfall.get());
    }
    String header = "needs " + need.product() + " in " + need.range()
        + (requireHealthy ? " running and healthy in " : " running in ") + environment;
    problems.add(header + "; "
        + (shortfalls.isEmpty() ? "no entity of it in " + environment : String.join(", ", shortfalls)));
  }

  /** Why {@code member} does not meet {@code need}, or empty when it does. */
  private Optional<String> shortfall(Fleet.Member member, ProductDependency need) {
    EntityId id = member.id();
    if (member.report().isEmpty()) {
      return Optional.of(id + " has not reported");
    }
    EntityReport report = member.report().get();
    if (report.version().isEmpty()) {
      return Optional.of(id + " is not installed (" + report.state() + ")");
    }
    Version running = report.version().get();
    if (!need.acceptsVersion(running)) {
      return Optional.of(id + " runs " + running);
    }
    boolean runs = report.state() == EntityState.RUNNING
        || (!requireHealthy && report.state() == EntityState.DEGRADED);
    if (!runs) {
      return Optional.of(id + " runs " + running + " but is " + report.state());
    }
    if (requireHealthy && report.health() != Health.HEALTHY) {
      return Optional.of(id + " runs " + running
          + (report.health() == Health.UNKNOWN ? " but its health is unknown" : " but is unhealthy"));
    }
    return Optional.empty();
  }

  private static void checkDependent(
      Fleet.Dependent dependent, ProposedChange change, List<String> problems, List<String> met) {
    ProductId product = change.entity().product();
    String who = dependent.id() + " (" + dependent.product() + " " + dependent.version() + ")";
    ProductDependency need = dependent.need();
    if (change.type() == PlanType.UNINSTALL) {
      problems.add(who + " needs " + product + " in " + need.range() + "; this uninstall would remove "
          + change.entity().id());
      return;
    }
    Version to = change.toVersion().orElseThrow();
    if (need.acceptsVersion(to)) {
      met.add(who + " accepts " + to + " in " + need.range());
    } else {
      problems.add(who + " needs " + product + " in " + need.range() + "; this " + change.type() + " would take "
          + change.entity().id() + " to " + to);
    }
  }

  /** Uninstalls, and changes that land on another version; a config update at the same version moves nothing. */
  private static boolean movesProduct(ProposedChange change) {
    if (change.type() == PlanType.UNINSTALL) {
      return true;
    }
    if (change.toVersion().isEmpty()) {
      return false;
    }
    Version to = change.toVersion().get();
    return change.fromVersion().map(from -> from.compareTo(to) != 0).orElse(true);
  }
}
