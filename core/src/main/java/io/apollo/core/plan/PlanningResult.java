package io.apollo.core.plan;

import io.apollo.core.config.EntityId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One planning pass's output. {@code plans} is in execution order: by environment, and within an environment a plan
 * for a product comes before the plans whose target release depends on that product. {@code decisions} holds one
 * decision per desired, invalid or reported entity, in id order.
 */
public record PlanningResult(Instant at, List<Plan> plans, SortedMap<EntityId, EntityDecision> decisions) {
  public PlanningResult {
    Objects.requireNonNull(at, "at");
    plans = List.copyOf(plans);
    decisions = Collections.unmodifiableSortedMap(new TreeMap<>(decisions));
  }

  public Optional<EntityDecision> decision(EntityId entity) {
    return Optional.ofNullable(decisions.get(entity));
  }

  public Optional<Plan> plan(EntityId entity) {
    return decision(entity).flatMap(EntityDecision::plan);
  }
}
