package io.apollo.core.plan;

import io.apollo.core.constraint.ConstraintCheck;
import io.apollo.core.constraint.ConstraintKind;
import io.apollo.core.constraint.EvaluationContext;
import io.apollo.core.constraint.ProposedChange;
import io.apollo.core.constraint.Verdict;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds when a blocked change could first proceed as far as time goes: the first instant at which every window and
 * freeze that selects it holds <em>at once</em>. The latest single {@code unblocksAt} is not enough: a freeze may end
 * on a Monday while the maintenance window opens only on Saturdays. So: jump to the latest {@code unblocksAt}, judge
 * again there, and repeat while something time-bound still blocks. Empty when a violation cannot say when it lifts
 * (a dependency) or when no such instant turns up within {@value #MAX_STEPS} jumps.
 *
 * <p>The answer depends only on which time-bound constraints select the change and on the pass's instant, so it is
 * computed once per distinct set of them in a pass.
 */
final class NextClearance {
  private static final int MAX_STEPS = 32;

  private final ConstraintCheck constraints;
  private final EvaluationContext context;
  private final Map<String, Optional<Instant>> byConstraintSet = new HashMap<>();

  NextClearance(ConstraintCheck constraints, EvaluationContext context) {
    this.constraints = constraints;
    this.context = context;
  }

  Optional<Instant> find(ProposedChange change, List<Verdict> verdicts) {
    List<Verdict> violations = verdicts.stream().filter(Verdict::violated).toList();
    if (violations.isEmpty() || violations.stream().anyMatch(v -> v.unblocksAt().isEmpty())) {
      return Optional.empty();
    }
    String key = verdicts.stream().filter(NextClearance::isTimeBound).map(Verdict::constraint).sorted()
        .collect(Collectors.joining("\n"));
    return byConstraintSet.computeIfAbsent(key, k -> search(change, violations));
  }

  private Optional<Instant> search(ProposedChange change, List<Verdict> violations) {
    Instant at = latest(violations);
    for (int step = 0; step < MAX_STEPS; step++) {
      EvaluationContext then = new EvaluationContext(context.desired(), context.reported(), at);
      List<Verdict> stillBlocking = constraints.evaluate(change, then).stream()
          .filter(v -> v.violated() && isTimeBound(v)).toList();
      if (stillBlocking.isEmpty()) {
        return Optional.of(at);
      }
      if (stillBlocking.stream().anyMatch(v -> v.unblocksAt().isEmpty() || !v.unblocksAt().get().isAfter(then.now()))) {
        return Optional.empty();
      }
      at = latest(stillBlocking);
    }
    return Optional.empty();
  }

  private static boolean isTimeBound(Verdict verdict) {
    return verdict.kind() != ConstraintKind.DEPENDENCY;
  }

  private static Instant latest(List<Verdict> violations) {
    return violations.stream().map(v -> v.unblocksAt().orElseThrow()).max(Instant::compareTo).orElseThrow();
  }
}
