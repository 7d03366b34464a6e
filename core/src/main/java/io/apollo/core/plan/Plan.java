package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One change the planner proposes for one entity. {@code id} is deterministic (see {@link PlanIds}): the same
 * change always has the same id. {@code verdicts} holds every constraint's verdict, satisfied or not;
 * {@code requiredRoles} is computed whether or not the plan is blocked. {@code configDigest} is the desired config's
 * digest ({@code ""} for an uninstall, which applies no config). {@code unblocksAt}, for a blocked plan, is the first
 * instant at which every window and freeze that blocks it holds at once (see {@link NextClearance}); empty when it
 * is not blocked, or when something that time cannot lift (a dependency) blocks it.
 */
public record Plan(
    String id,
    EntityId entity,
    ProductId product,
    String spoke,
    PlanType type,
    Optional<Version> fromVersion,
    Optional<Version> toVersion,
    String configDigest,
    PlanState state,
    List<Verdict> verdicts,
    Set<String> requiredRoles,
    Set<String> missingRoles,
    PlanReason reason,
    String message,
    Optional<Instant> unblocksAt) {

  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(spoke, "spoke");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(state, "state");
    verdicts = List.copyOf(verdicts);
    requiredRoles = sorted(requiredRoles);
    missingRoles = sorted(missingRoles);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(unblocksAt, "unblocksAt");
    if (toVersion.isPresent() == (type == PlanType.UNINSTALL)) {
      throw new IllegalArgumentException("plan " + id + ": only an uninstall has no target version");
    }
  }

  /** The violated verdicts, in the order the constraints were judged. */
  public List<Verdict> violations() {
    return verdicts.stream().filter(Verdict::violated).toList();
  }

  public boolean isBlocked() {
    return verdicts.stream().anyMatch(Verdict::violated);
  }

  private static SortedSet<String> sorted(Set<String> roles) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(roles));
  }
}
