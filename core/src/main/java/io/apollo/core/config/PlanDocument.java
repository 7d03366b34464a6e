package io.apollo.core.config;

import io.apollo.core.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A plan as the hub writes it to git ({@code kind: Plan}, {@code plans/<environment>/<plan-id>.yaml}); its
 * {@code metadata.name} is the plan id. On a branch {@code apollo/plan/<id>} it is a proposal; on main it is
 * approved by whoever merged it, plus anyone listed in {@code approvals}. {@code violations} holds the constraint
 * verdicts it was proposed with, as text, for reviewers.
 */
public record PlanDocument(
    Metadata metadata,
    EntityId entity,
    PlanType type,
    Optional<Version> fromVersion,
    Optional<Version> toVersion,
    String configDigest,
    Set<String> requiredRoles,
    List<String> violations,
    Optional<String> computedFrom,
    List<Approval> approvals,
    Origin origin) {
  public PlanDocument {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    Objects.requireNonNull(configDigest, "configDigest");
    requiredRoles = Set.copyOf(requiredRoles == null ? Set.of() : requiredRoles);
    violations = List.copyOf(violations == null ? List.of() : violations);
    Objects.requireNonNull(computedFrom, "computedFrom");
    approvals = List.copyOf(approvals == null ? List.of() : approvals);
    Objects.requireNonNull(origin, "origin");
  }

  public String id() {
    return metadata.name();
  }
}
