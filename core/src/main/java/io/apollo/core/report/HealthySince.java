package io.apollo.core.report;

import io.apollo.core.config.EntityId;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * An entity has run {@code version} RUNNING and HEALTHY in every report since {@code since}: what a bake is counted
 * from. The hub derives it from reports and keeps it in its store, so a bake survives a restart of the hub.
 */
public record HealthySince(EntityId entity, Version version, Instant since) {
  public HealthySince {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(since, "since");
  }
}
