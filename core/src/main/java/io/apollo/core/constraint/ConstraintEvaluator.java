package io.apollo.core.constraint;

import java.util.List;
import java.util.Objects;

/**
 * The {@link ConstraintCheck} Apollo plans with. For a proposed change it judges every constraint of the desired
 * state whose selector picks the change's entity, all of them even after a violation, so that a blocked plan lists
 * every reason and explain can show every verdict: suppression windows first, then maintenance windows, then
 * dependencies, by name within a kind.
 *
 * <p>The planner calls it once per entity with the same context. The first call for a context prepares it (crons
 * parsed, window verdicts computed, the fleet indexed by environment and product: see {@link PreparedConstraints})
 * and later calls for that context reuse the preparation, so a pass over n entities costs O(n) rather than O(n²).
 * Only the latest preparation is kept; crons of unchanged windows carry over from one context to the next. Safe to
 * share between threads: the preparation is immutable and swapped atomically.
 */
public final class ConstraintEvaluator implements ConstraintCheck {
  private volatile PreparedConstraints prepared;

  public ConstraintEvaluator() {}

  /**
   * Throws {@link io.apollo.core.ApolloException} only for a constraint the loader should have refused (a cron that
   * does not parse, a duration that is not positive).
   */
  @Override
  public List<Verdict> evaluate(ProposedChange change, EvaluationContext context) {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(context, "context");
    return prepare(context).evaluate(change);
  }

  private PreparedConstraints prepare(EvaluationContext context) {
    PreparedConstraints current = prepared;
    if (current == null || !current.isFor(context)) {
      current = PreparedConstraints.prepare(context, current);
      prepared = current;
    }
    return current;
  }
}
