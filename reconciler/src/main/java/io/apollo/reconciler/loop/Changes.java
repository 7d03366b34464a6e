package io.apollo.reconciler.loop;

import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.store.PlanEvent;
import io.apollo.reconciler.store.StoredPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan writes and history events one step of a pass makes, saved together in one transaction. Keeps the
 * latest version of each plan, so a later step sees what an earlier one changed.
 */
final class Changes {
  private final Instant at;
  private final Map<String, StoredPlan> plans;
  private final Map<String, StoredPlan> written = new LinkedHashMap<>();
  private final List<PlanEvent> events = new ArrayList<>();

  Changes(Instant at, Map<String, StoredPlan> current) {
    this.at = at;
    this.plans = new LinkedHashMap<>(current);
  }

  Instant at() {
    return at;
  }

  Optional<StoredPlan> get(String id) {
    return Optional.ofNullable(plans.get(id));
  }

  /** Every plan as it stands after the changes so far, in creation order. */
  List<StoredPlan> all() {
    return List.copyOf(plans.values());
  }

  /** Writes a plan without a history event (its body or git place changed, not its state). */
  void put(StoredPlan plan) {
    plans.put(plan.id(), plan);
    written.put(plan.id(), plan);
  }

  /** Moves a plan to {@code state} with a history event; nothing happens when it is there already. */
  void move(StoredPlan plan, PlanState state, String reason, String message) {
    if (plan.state() == state) {
      return;
    }
    put(plan.withState(state, at));
    events.add(new PlanEvent(plan.id(), at, state, reason, message));
  }

  /** A plan seen for the first time. */
  void create(StoredPlan plan, String reason, String message) {
    put(plan);
    events.add(new PlanEvent(plan.id(), at, plan.state(), reason, message));
  }

  boolean isEmpty() {
    return written.isEmpty() && events.isEmpty();
  }

  List<StoredPlan> written() {
    return List.copyOf(written.values());
  }

  List<PlanEvent> events() {
    return List.copyOf(events);
  }
}
