package io.apollo.core.report;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a spoke says of one entity: the truth about what runs. {@code version} is empty when nothing is installed.
 * {@code lastHealthyVersion} is the newest version that ran healthy before the current one, kept by the spoke's
 * journal; automatic rollback targets it.
 */
public record EntityReport(
    EntityId entity,
    ProductId product,
    Optional<Version> version,
    EntityState state,
    Health health,
    Optional<String> configDigest,
    Optional<String> lastPlanId,
    Optional<PlanOutcome> lastPlanOutcome,
    Optional<Version> lastHealthyVersion,
    String message,
    Instant observedAt) {

  public EntityReport {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(lastPlanId, "lastPlanId");
    Objects.requireNonNull(lastPlanOutcome, "lastPlanOutcome");
    Objects.requireNonNull(lastHealthyVersion, "lastHealthyVersion");
    message = message == null ? "" : message;
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** True when the entity runs a version, whatever its health. */
  public boolean isInstalled() {
    return version.isPresent();
  }

  /** RUNNING and HEALTHY: what a dependency check asks of an upstream entity. */
  public boolean isRunningHealthy() {
    return state == EntityState.RUNNING && health == Health.HEALTHY;
  }
}
