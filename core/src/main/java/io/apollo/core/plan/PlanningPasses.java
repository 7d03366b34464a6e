package io.apollo.core.plan;

import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.StateChanges;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Plans one pass after another, each from the last: only the entities a change can affect are decided again
 * ({@link IncrementalPlanning}), and the planning indexes are carried over and edited for what changed instead of
 * built over the whole fleet (issue 18). Each result is exactly what {@link Planner#plan} gives for the same input.
 * Not thread-safe: one owner (the hub's reconcile loop) calls it, pass by pass.
 */
public final class PlanningPasses {
  private final Planner planner;
  private PlanningInput lastInput;
  private PlanningResult lastResult;
  private PlanningIndexes indexes;
  private OptionalInt decidedAgain = OptionalInt.empty();

  public PlanningPasses(Planner planner) {
    this.planner = Objects.requireNonNull(planner, "planner");
  }

  /** The plan of {@code input}, as {@link Planner#plan} gives it. */
  public PlanningResult plan(PlanningInput input) {
    Objects.requireNonNull(input, "input");
    PlanningResult result;
    PlanningIndexes next;
    OptionalInt again;
    if (lastInput == null) {
      next = PlanningIndexes.of(input);
      result = planner.plan(input, next);
      again = OptionalInt.empty();
    } else {
      Set<EntityId> reports = StateChanges.reports(lastInput.reported(), input.reported());
      next = indexes.advance(input, reports);
      Optional<Set<EntityId>> affected = IncrementalPlanning.affected(lastInput, input, reports);
      result = affected.isPresent() ? planner.replan(input, lastResult, affected.get(), next)
          : planner.plan(input, next);
      again = affected.map(Set::size).map(OptionalInt::of).orElse(OptionalInt.empty());
    }
    // Only once the pass planned: a pass that threw leaves the last one to plan the next from.
    indexes = next;
    decidedAgain = again;
    lastInput = input;
    lastResult = result;
    return result;
  }

  /** How many entities the last {@link #plan} decided again; empty when it planned the whole fleet. */
  public OptionalInt decidedAgain() {
    return decidedAgain;
  }
}
