package io.apollo.spoke.journal;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What this spoke knows of one entity, kept in the journal so a restart starts from it: what runs, its health, the
 * last plan and how it ended. {@code currentRanHealthy} says whether {@code version} has been seen healthy: when the
 * version changes, a version that ran healthy becomes {@code lastHealthyVersion} (what automatic rollback targets).
 */
public record EntityRecord(
    EntityId entity,
    ProductId product,
    Optional<Version> version,
    Optional<String> configDigest,
    EntityState state,
    Health health,
    Optional<String> lastPlanId,
    Optional<PlanOutcome> lastPlanOutcome,
    Optional<Version> lastHealthyVersion,
    boolean currentRanHealthy,
    String message,
    Instant observedAt) {

  public EntityRecord {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(lastPlanId, "lastPlanId");
    Objects.requireNonNull(lastPlanOutcome, "lastPlanOutcome");
    Objects.requireNonNull(lastHealthyVersion, "lastHealthyVersion");
    message = message == null ? "" : message;
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** An entity this spoke has never run anything for. */
  public static EntityRecord unknown(EntityId entity, ProductId product, Instant now) {
    return new EntityRecord(entity, product, Optional.empty(), Optional.empty(), EntityState.UNMANAGED,
        Health.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), false, "", now);
  }

  /** This record with a plan begun: INSTALLING, outcome RUNNING. */
  public EntityRecord planBegun(String planId, Instant now) {
    return new EntityRecord(entity, product, version, configDigest, EntityState.INSTALLING, health,
        Optional.of(planId), Optional.of(PlanOutcome.RUNNING), lastHealthyVersion, currentRanHealthy,
        "running plan " + planId, now);
  }

  /**
   * This record after a plan ended with {@code running} installed (empty when nothing is), {@code digest} in force
   * and {@code seen} health. A version change moves a version that ran healthy into {@code lastHealthyVersion}.
   */
  public EntityRecord planEnded(String planId, boolean succeeded, Optional<Version> running, Optional<String> digest,
      Health seen, String words, Instant now) {
    boolean changed = !running.equals(version);
    Optional<Version> lastHealthy = changed && currentRanHealthy ? version : lastHealthyVersion;
    boolean ranHealthy = (changed ? false : currentRanHealthy) || (running.isPresent() && seen == Health.HEALTHY);
    EntityState next;
    if (!succeeded) {
      next = EntityState.FAILED;
    } else if (running.isEmpty()) {
      next = EntityState.UNMANAGED;
    } else {
      next = seen == Health.UNHEALTHY ? EntityState.DEGRADED : EntityState.RUNNING;
    }
    return new EntityRecord(entity, product, running, running.isPresent() ? digest : Optional.empty(), next, seen,
        Optional.of(planId), Optional.of(succeeded ? PlanOutcome.SUCCEEDED : PlanOutcome.FAILED), lastHealthy,
        ranHealthy, words, now);
  }

  /**
   * This record after a health check: RUNNING and DEGRADED follow health; INSTALLING (a plan runs) and FAILED (a
   * plan failed, until the next plan) keep their state and take only the health and message.
   */
  public EntityRecord healthSeen(Health seen, String words, Instant now) {
    EntityState next = state;
    if (state == EntityState.RUNNING && seen == Health.UNHEALTHY) {
      next = EntityState.DEGRADED;
    } else if (state == EntityState.DEGRADED && seen == Health.HEALTHY) {
      next = EntityState.RUNNING;
    }
    boolean ranHealthy = currentRanHealthy || (version.isPresent() && seen == Health.HEALTHY);
    return new EntityRecord(entity, product, version, configDigest, next, seen, lastPlanId, lastPlanOutcome,
        lastHealthyVersion, ranHealthy, words, now);
  }

  /** True when a report would say something different (the time of observation aside). */
  public boolean differsFrom(EntityRecord other) {
    return !equals(new EntityRecord(other.entity, other.product, other.version, other.configDigest, other.state,
        other.health, other.lastPlanId, other.lastPlanOutcome, other.lastHealthyVersion, other.currentRanHealthy,
        other.message, observedAt));
  }

  public EntityReport toReport() {
    return new EntityReport(entity, product, version, state, health, configDigest, lastPlanId, lastPlanOutcome,
        lastHealthyVersion, message, observedAt);
  }
}
