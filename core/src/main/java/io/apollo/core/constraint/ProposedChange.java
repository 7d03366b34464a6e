package io.apollo.core.constraint;

import io.apollo.core.config.Entity;
import io.apollo.core.config.Product;
import io.apollo.core.config.Release;
import io.apollo.core.config.PlanType;
import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * A change the planner wants to make to one entity, before constraints and approvals are applied.
 * {@code targetRelease} is empty only for {@code uninstall}.
 */
public record ProposedChange(
    Entity entity,
    Product product,
    PlanType type,
    Optional<Version> fromVersion,
    Optional<Version> toVersion,
    Optional<Release> targetRelease) {
  public ProposedChange {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    Objects.requireNonNull(targetRelease, "targetRelease");
  }
}
