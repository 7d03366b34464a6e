package io.apollo.core.report;

import io.apollo.core.config.EntityId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every entity report the hub holds, by entity: the planner's view of what runs. {@code healthySince} says, for
 * the entities that run healthy, since when without a break (see {@link HealthHistory}); promotion bakes count
 * from it. Empty when the caller keeps no history (an offline plan from a reports file): an entity then counts as
 * healthy since its report's {@code observedAt}.
 */
public record ReportedState(Map<EntityId, EntityReport> entities, Map<EntityId, HealthySince> healthySince) {
  public ReportedState {
    entities = Map.copyOf(entities);
    healthySince = Map.copyOf(healthySince);
  }

  public ReportedState(Map<EntityId, EntityReport> entities) {
    this(entities, Map.of());
  }

  public static ReportedState empty() {
    return new ReportedState(Map.of());
  }

  /**
   * Merges spoke reports; a later report of the same entity replaces an earlier one. Hashed, not sorted: the state
   * keeps no order, and the hub merges 10,000 entities' reports whenever one spoke's changed.
   */
  public static ReportedState of(Collection<SpokeReport> reports) {
    Map<EntityId, EntityReport> byId = new HashMap<>();
    for (SpokeReport report : reports) {
      for (EntityReport entity : report.entities()) {
        byId.merge(entity.entity(), entity, (a, b) -> b.observedAt().isBefore(a.observedAt()) ? a : b);
      }
    }
    return new ReportedState(byId);
  }

  /** The same reports with {@code history} as the health history. */
  public ReportedState withHealthySince(Map<EntityId, HealthySince> history) {
    return new ReportedState(entities, history);
  }

  public Optional<EntityReport> get(EntityId id) {
    return Optional.ofNullable(entities.get(id));
  }

  /** Since when {@code id} runs its reported version healthy, as far as the history tells. */
  public Optional<HealthySince> healthySince(EntityId id) {
    return Optional.ofNullable(healthySince.get(id));
  }
}
