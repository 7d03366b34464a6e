package io.apollo.core.constraint;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.ConstraintRule.Dependency;
import io.apollo.core.config.ConstraintRule.MaintenanceWindow;
import io.apollo.core.config.ConstraintRule.Promotion;
import io.apollo.core.config.ConstraintRule.SuppressionWindow;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every constraint of one {@link EvaluationContext}, ready to judge changes: in evaluation order (cheapest kind
 * first, then by name), window verdicts already computed (they depend on the time alone, not on the change), and the
 * {@link Fleet} indexed when a dependency constraint needs it, promotion sources gathered once. Immutable once built, so one instance may serve
 * several threads.
 */
final class PreparedConstraints {
  /** Cheapest first: a freeze is one comparison, a window a cron look-up, a dependency a look at the fleet. */
  private static final Comparator<Constraint> EVALUATION_ORDER =
      Comparator.comparingInt((Constraint c) -> cost(c.rule())).thenComparing(Constraint::name);

  /** A constraint and how it judges one change. */
  private record Judge(Constraint constraint, Function<ProposedChange, Verdict> verdict) {}

  /** Parsed windows are reused while a constraint keeps its name and rule. */
  private record WindowKey(String name, MaintenanceWindow rule) {}

  private final EvaluationContext context;
  private final List<Constraint> constraints;
  private final List<Judge> judges;
  private final Map<WindowKey, MaintenanceWindowConstraint> windows;
  private final Fleet fleet;
  private final Map<Constraint, PromotionConstraint> promotions;

  private PreparedConstraints(EvaluationContext context, List<Constraint> constraints, List<Judge> judges,
      Map<WindowKey, MaintenanceWindowConstraint> windows, Fleet fleet,
      Map<Constraint, PromotionConstraint> promotions) {
    this.context = context;
    this.constraints = constraints;
    this.judges = List.copyOf(judges);
    this.windows = Map.copyOf(windows);
    this.fleet = fleet;
    this.promotions = Map.copyOf(promotions);
  }

  /**
   * Prepares {@code context}, reusing from {@code previous} (may be null) the parsed crons of unchanged windows and
   * the fleet index, as it is or updated for the entities that changed (see {@link #fleet}).
   */
  static PreparedConstraints prepare(EvaluationContext context, PreparedConstraints previous) {
    // The same desired state (a clearance search judging the pass's change at a later time) has the same gates.
    List<Constraint> constraints = previous != null && previous.context.desired() == context.desired()
        ? previous.constraints
        : RolloutGates.of(context.desired()).stream().sorted(EVALUATION_ORDER).toList();
    Map<WindowKey, MaintenanceWindowConstraint> windows = new HashMap<>();
    Map<Constraint, PromotionConstraint> promotions = new HashMap<>();
    Fleet fleet = null;
    List<Judge> judges = new ArrayList<>(constraints.size());
    for (Constraint constraint : constraints) {
      ConstraintRule rule = constraint.rule();
      if (rule instanceof SuppressionWindow freeze) {
        Verdict verdict = new SuppressionWindowConstraint(constraint.name(), freeze).evaluate(context.now());
        judges.add(new Judge(constraint, change -> verdict));
      } else if (rule instanceof MaintenanceWindow window) {
        WindowKey key = new WindowKey(constraint.name(), window);
        MaintenanceWindowConstraint parsed = previous == null ? null : previous.windows.get(key);
        if (parsed == null) {
          parsed = new MaintenanceWindowConstraint(constraint.name(), window);
        }
        windows.put(key, parsed);
        Verdict verdict = parsed.evaluate(context.now());
        judges.add(new Judge(constraint, change -> verdict));
      } else if (rule instanceof Dependency dependency) {
        if (fleet == null) {
          fleet = fleet(context, previous);
        }
        DependencyConstraint check = new DependencyConstraint(constraint.name(), dependency);
        Fleet indexed = fleet;
        judges.add(new Judge(constraint, change -> check.evaluate(change, indexed)));
      } else if (rule instanceof Promotion promotion) {
        // Its sources are read from the desired state alone: the same instance has the same gate.
        PromotionConstraint gate = previous != null && previous.context.desired() == context.desired()
            ? previous.promotions.get(constraint)
            : null;
        if (gate == null) {
          gate = PromotionConstraint.of(constraint.name(), promotion.from(), promotion.bake(), context.desired());
        }
        promotions.put(constraint, gate);
        PromotionConstraint judged = gate;
        judges.add(new Judge(constraint, change -> judged.evaluate(change, context.reported(), context.now())));
      }
    }
    return new PreparedConstraints(context, constraints, judges, windows, fleet, promotions);
  }

  /**
   * True when this was prepared for {@code other}: the same context, or one with the same desired and reported
   * state instances and the same time (a caller that makes a context per change still gets the cache).
   */
  boolean isFor(EvaluationContext other) {
    return context == other || (sameStates(other) && context.now().equals(other.now()));
  }

  /** One verdict per constraint whose selector picks the change's entity, in evaluation order. */
  List<Verdict> evaluate(ProposedChange change) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Judge judge : judges) {
      if (judge.constraint().selector().matches(change.entity())) {
        verdicts.add(judge.verdict().apply(change));
      }
    }
    return List.copyOf(verdicts);
  }

  /**
   * The fleet index for {@code context}: the previous one when the states are the same instances, the previous one
   * updated for the entities that changed when the releases are the same (the usual pass: a file or a few reports
   * changed), else a new index.
   */
  private static Fleet fleet(EvaluationContext context, PreparedConstraints previous) {
    if (previous == null || previous.fleet == null) {
      return Fleet.index(context.desired(), context.reported());
    }
    if (previous.sameStates(context)) {
      return previous.fleet;
    }
    EvaluationContext before = previous.context;
    if (!before.desired().releases().equals(context.desired().releases())) {
      return Fleet.index(context.desired(), context.reported());
    }
    // The index reads an entity's product only (its report aside).
    Set<EntityId> changed =
        StateChanges.sorted(before.desired().entities(), context.desired().entities(), Entity::product);
    changed.addAll(StateChanges.reports(before.reported(), context.reported()));
    // Past a quarter of the fleet, indexing afresh is cheaper than editing the index.
    if (changed.size() > (context.desired().entities().size() + context.reported().entities().size()) / 4) {
      return Fleet.index(context.desired(), context.reported());
    }
    return previous.fleet.update(context.desired(), context.reported(), changed);
  }

  private boolean sameStates(EvaluationContext other) {
    return context.desired() == other.desired() && context.reported() == other.reported();
  }

  private static int cost(ConstraintRule rule) {
    if (rule instanceof SuppressionWindow) {
      return 0;
    }
    if (rule instanceof MaintenanceWindow) {
      return 1;
    }
    return rule instanceof Promotion ? 3 : 2;
  }
}
