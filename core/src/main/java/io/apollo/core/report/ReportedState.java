package io.apollo.core.report;

import io.apollo.core.config.EntityId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every entity report the hub holds, by entity: the planner's view of what runs. */
public record ReportedState(Map<EntityId, EntityReport> entities) {
  public ReportedState {
    entities = Map.copyOf(entities);
  }

  public static ReportedState empty() {
    return new ReportedState(Map.of());
  }

  /** Merges spoke reports; a later report of the same entity replaces an earlier one. */
  public static ReportedState of(Collection<SpokeReport> reports) {
    Map<EntityId, EntityReport> byId = new TreeMap<>();
    for (SpokeReport report : reports) {
      for (EntityReport entity : report.entities()) {
        byId.merge(entity.entity(), entity, (a, b) -> b.observedAt().isBefore(a.observedAt()) ? a : b);
      }
    }
    return new ReportedState(byId);
  }

  public Optional<EntityReport> get(EntityId id) {
    return Optional.ofNullable(entities.get(id));
  }
}
