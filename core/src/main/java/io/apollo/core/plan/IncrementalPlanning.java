package io.apollo.core.plan;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule.Promotion;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Presence;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.constraint.RolloutGates;
import io.apollo.core.constraint.StateChanges;
import io.apollo.core.constraint.VerdictChanges;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which entities a planning pass must decide again, given the pass before it (issues 7 and 18: a commit that changes
 * one entity file, or one spoke's report, must not cost a plan of the whole fleet). Pure.
 *
 * <p>An entity's decision depends on its definition, its product and that product's releases, the reports of its
 * environment (dependency checks read what runs), constraints, approval policies, roles, the approvals given, the
 * plans that failed, and the clock through windows, freezes and promotion bakes. Plan documents count only through
 * the approvals given (the caller reads those from them), so a plan file committed to the branch, as the hub does
 * for every approved plan, does not ask for a full pass. So:
 *
 * <ul>
 *   <li>a changed entity definition: that entity, and the entities of every product its product depends on or is
 *       depended on by, are decided again;
 *   <li>a changed report or health history entry of entity X in environment E: X; the entities of E whose product
 *       depends on X's product or is depended on by it (what runs in E meets or needs X's product, both in choosing
 *       a target and in the dependency constraint); and when X is the source of a promotion gate (a canary, or a
 *       Promotion constraint's {@code from}), every entity of X's product, as the gate reads X's report and bake;
 *   <li>the clock moved and a promotion gate exists: every entity a gate selects, since its verdict tells how long
 *       the source has baked;
 *   <li>any other change (approvals, failures, any other kind of document, the clock going back, or a window,
 *       freeze or bake turning between the two passes) asks for a full pass.
 * </ul>
 */
public final class IncrementalPlanning {
  private IncrementalPlanning() {}

  /**
   * The entities to decide again when planning {@code next} after {@code previous}; empty when only a full pass
   * gives the right answer. Every entity not in the set would be decided exactly as in {@code previous}, and every
   * entity that enters or leaves the result is in it.
   */
  public static Optional<Set<EntityId>> affected(PlanningInput previous, PlanningInput next) {
    return affected(previous, next, StateChanges.reports(previous.reported(), next.reported()));
  }

  /** {@link #affected(PlanningInput, PlanningInput)} with the entities whose reports changed already known. */
  static Optional<Set<EntityId>> affected(PlanningInput previous, PlanningInput next, Set<EntityId> reports) {
    DesiredState a = previous.desired();
    DesiredState b = next.desired();
    boolean sameElsewhere = a.products().equals(b.products()) && a.releases().equals(b.releases())
        && a.environments().equals(b.environments()) && a.constraints().equals(b.constraints())
        && a.approvalPolicies().equals(b.approvalPolicies()) && a.roles().equals(b.roles())
        && a.invalidEntities().equals(b.invalidEntities())
        && a.holds().equals(b.holds())
        && previous.approvalsByPlanId().equals(next.approvalsByPlanId())
        && previous.failedPlanIds().equals(next.failedPlanIds())
        && !verdictsMayTurn(b, previous.now(), next.now());
    if (!sameElsewhere) {
      return Optional.empty();
    }
    List<Constraint> gates = RolloutGates.of(b);
    List<Constraint> promotions = gates.stream().filter(c -> c.rule() instanceof Promotion).toList();
    if (!promotions.isEmpty()
        && VerdictChanges.bakeMayEnd(promotions, next.reported(), previous.now(), next.now())) {
      return Optional.empty();
    }
    Set<EntityId> definitions = StateChanges.sorted(a.entities(), b.entities());
    if (definitions.isEmpty() && reports.isEmpty() && (promotions.isEmpty() || previous.now().equals(next.now()))) {
      return Optional.of(Set.of());
    }
    // Past a quarter of the fleet (a restart, every spoke reporting anew), a full pass is as cheap and simpler.
    if (definitions.size() + reports.size() > (b.entities().size() + next.reported().entities().size()) / 4) {
      return Optional.empty();
    }
    Neighbours neighbours = new Neighbours(b);
    Set<EntityId> affected = new HashSet<>(definitions);
    // 1. Changed definitions: their products' neighbours, in every environment.
    Set<ProductId> everywhere = new HashSet<>();
    for (EntityId id : definitions) {
      a.entity(id).ifPresent(e -> everywhere.add(e.product()));
      b.entity(id).ifPresent(e -> everywhere.add(e.product()));
    }
    everywhere.addAll(neighbours.of(everywhere));
    // 2. Changed reports: the neighbours in the reported entity's environment, and a promotion source's product.
    Set<InEnvironment> inEnvironment = new HashSet<>();
    for (EntityId id : reports) {
      affected.add(id);
      Set<ProductId> reported = new HashSet<>();
      productOf(previous.reported(), id).ifPresent(reported::add);
      productOf(next.reported(), id).ifPresent(reported::add);
      a.entity(id).ifPresent(e -> reported.add(e.product()));
      b.entity(id).ifPresent(e -> reported.add(e.product()));
      neighbours.of(reported).forEach(p -> inEnvironment.add(new InEnvironment(id.environment(), p)));
      Optional<Entity> source = b.entity(id).filter(e -> e.state() == Presence.PRESENT);
      if (source.isPresent()
          && promotions.stream().anyMatch(c -> ((Promotion) c.rule()).from().matches(source.get()))) {
        everywhere.add(source.get().product());
      }
    }
    // 3. The clock moved: a gate's verdict tells how long its source has baked.
    List<Constraint> gated = previous.now().equals(next.now()) ? List.of() : promotions;
    for (Entity e : b.entities().values()) {
      if (everywhere.contains(e.product())
          || !inEnvironment.isEmpty() && inEnvironment.contains(new InEnvironment(e.environment(), e.product()))
          || gated.stream().anyMatch(g -> g.selector().matches(e))) {
        affected.add(e.id());
      }
    }
    return Optional.of(Set.copyOf(affected));
  }

  private static Optional<ProductId> productOf(ReportedState reported, EntityId id) {
    return reported.get(id).map(EntityReport::product);
  }

  private record InEnvironment(String environment, ProductId product) {}

  /** Each product's neighbours through desired state's releases, built once per call. */
  private static final class Neighbours {
    private final Map<ProductId, Set<ProductId>> adjacent = new HashMap<>();

    Neighbours(DesiredState desired) {
      for (List<Release> releases : desired.releases().values()) {
        for (Release release : releases) {
          for (ProductDependency dependency : release.manifest().productDependencies()) {
            adjacent.computeIfAbsent(release.product(), p -> new HashSet<>()).add(dependency.product());
            adjacent.computeIfAbsent(dependency.product(), p -> new HashSet<>()).add(release.product());
          }
        }
      }
    }

    /** {@code products}, the products any of their releases depend on, and the products with a release on them. */
    Set<ProductId> of(Set<ProductId> products) {
      Set<ProductId> out = new HashSet<>(products);
      products.forEach(p -> out.addAll(adjacent.getOrDefault(p, Set.of())));
      return out;
    }
  }

  /** Whether a window or freeze turns after {@code from} and no later than {@code to}. */
  private static boolean verdictsMayTurn(DesiredState desired, Instant from, Instant to) {
    if (to.isBefore(from)) {
      return true;
    }
    return VerdictChanges.next(desired.constraints(), from).filter(turn -> !turn.isAfter(to)).isPresent();
  }
}
