package io.apollo.core.explain;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.NoPlan;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.SkippedRelease;
import io.apollo.core.plan.Target;
import io.apollo.core.report.EntityReport;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why one entity has the plan it has, or none. {@code known} is false when neither desired state nor any spoke knows
 * the id; {@code suggestions} then lists similar ids. {@code desired} says in words what desired state asks ("pinned
 * to 1.3.0", "following channel beta", "absent", ...); {@code running} is the spoke's report, if any.
 * {@code nextProceedAt} is when the plan could next proceed as far as constraints go: the plan's
 * {@link io.apollo.core.plan.Plan#unblocksAt()}, the first instant at which every window and freeze holds at once;
 * empty when a dependency (which time cannot lift) blocks it.
 */
public record Explanation(
    EntityId entity,
    boolean known,
    Optional<ProductId> product,
    String desired,
    Optional<EntityReport> running,
    Optional<Target> target,
    List<SkippedRelease> skipped,
    Optional<Plan> plan,
    Optional<NoPlan> noPlan,
    List<Verdict> verdicts,
    Set<String> requiredRoles,
    Set<String> missingRoles,
    Optional<Instant> nextProceedAt,
    List<EntityId> suggestions) {

  public Explanation {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(running, "running");
    Objects.requireNonNull(target, "target");
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(noPlan, "noPlan");
    verdicts = List.copyOf(verdicts);
    requiredRoles = Collections.unmodifiableSortedSet(new TreeSet<>(requiredRoles));
    missingRoles = Collections.unmodifiableSortedSet(new TreeSet<>(missingRoles));
    Objects.requireNonNull(nextProceedAt, "nextProceedAt");
    suggestions = List.copyOf(suggestions);
  }
}
