package io.apollo.cli.diff;

import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one entity's plan differs between the base and the head: it appears, disappears, or changes (with each
 * difference in words). Built by {@link #between}, a pure function of the two plans.
 */
public record PlanChange(EntityId entity, Kind kind, Optional<Plan> before, Optional<Plan> after, List<String> differences) {

  /** What happened to the entity's plan. */
  public enum Kind {
    /** The head has a plan where the base had none. */
    APPEARS,
    /** The base had a plan that the head no longer makes. */
    DISAPPEARS,
    /** Both have a plan, and they differ in type, versions, state, roles or violations. */
    CHANGES
  }

  public PlanChange {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(kind, "kind");
    differences = List.copyOf(differences);
  }

  /** The change from {@code before} to {@code after}, or empty when the plans are the same in every field shown. */
  public static Optional<PlanChange> between(EntityId entity, Optional<Plan> before, Optional<Plan> after) {
    if (before.isEmpty() && after.isEmpty()) {
      return Optional.empty();
    }
    if (before.isEmpty()) {
      return Optional.of(new PlanChange(entity, Kind.APPEARS, before, after, List.of()));
    }
    if (after.isEmpty()) {
      return Optional.of(new PlanChange(entity, Kind.DISAPPEARS, before, after, List.of()));
    }
    Plan b = before.get();
    Plan a = after.get();
    List<String> differences = new ArrayList<>();
    compare(differences, "type", b.type().wireName(), a.type().wireName());
    compare(differences, "from", version(b.fromVersion()), version(a.fromVersion()));
    compare(differences, "to", version(b.toVersion()), version(a.toVersion()));
    compare(differences, "state", b.state().name(), a.state().name());
    compare(differences, "roles", String.join(",", b.requiredRoles()), String.join(",", a.requiredRoles()));
    compare(differences, "violations", violations(b), violations(a));
    compare(differences, "config", b.configDigest(), a.configDigest());
    return differences.isEmpty() ? Optional.empty()
        : Optional.of(new PlanChange(entity, Kind.CHANGES, before, after, differences));
  }

  private static void compare(List<String> out, String field, String before, String after) {
    if (!before.equals(after)) {
      out.add(field + " " + (before.isEmpty() ? "none" : before) + " -> " + (after.isEmpty() ? "none" : after));
    }
  }

  private static String version(Optional<?> v) {
    return v.map(Object::toString).orElse("-");
  }

  private static String violations(Plan plan) {
    return String.join(",", plan.violations().stream().map(Verdict::constraint).sorted().toList());
  }
}
