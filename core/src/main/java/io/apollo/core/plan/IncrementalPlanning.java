package io.apollo.core.plan;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.constraint.VerdictChanges;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which entities a planning pass must decide again, given the pass before it (issue 7: a commit that changes one
 * entity file must not cost a plan of the whole fleet). Pure.
 *
 * <p>An entity's decision depends on its definition, its product and that product's releases, the reports of its
 * environment (dependency checks read what runs), constraints, approval policies, roles, plan documents, the
 * approvals given, the plans that failed, and the clock through windows, freezes and promotion bakes. So only a change of entity
 * definitions can be planned incrementally: those entities, and the entities of every product their products
 * depend on or are depended on by, are decided again; any other change (reports, approvals, failures, any other
 * kind of document, or a window, freeze or bake turning between the two passes) asks for a full pass.
 */
public final class IncrementalPlanning {
  private IncrementalPlanning() {}

  /**
   * The entities to decide again when planning {@code next} after {@code previous}; empty when only a full pass
   * gives the right answer. Every entity not in the set would be decided exactly as in {@code previous}.
   */
  public static Optional<Set<EntityId>> affected(PlanningInput previous, PlanningInput next) {
    DesiredState a = previous.desired();
    DesiredState b = next.desired();
    boolean sameElsewhere = a.products().equals(b.products()) && a.releases().equals(b.releases())
        && a.environments().equals(b.environments()) && a.constraints().equals(b.constraints())
        && a.approvalPolicies().equals(b.approvalPolicies()) && a.roles().equals(b.roles())
        && a.plans().equals(b.plans()) && a.invalidEntities().equals(b.invalidEntities())
        && a.holds().equals(b.holds())
        && previous.reported().equals(next.reported())
        && previous.approvalsByPlanId().equals(next.approvalsByPlanId())
        && previous.failedPlanIds().equals(next.failedPlanIds())
        && !verdictsMayTurn(b, previous.now(), next.now())
        && !VerdictChanges.bakeMayEnd(io.apollo.core.constraint.RolloutGates.of(b), next.reported(), previous.now(),
            next.now());
    if (!sameElsewhere) {
      return Optional.empty();
    }
    Set<EntityId> changed = new HashSet<>();
    Set<ProductId> products = new HashSet<>();
    for (EntityId id : union(a.entities().keySet(), b.entities().keySet())) {
      Entity before = a.entities().get(id);
      Entity after = b.entities().get(id);
      if (!Objects.equals(before, after)) {
        changed.add(id);
        Optional.ofNullable(before).ifPresent(e -> products.add(e.product()));
        Optional.ofNullable(after).ifPresent(e -> products.add(e.product()));
      }
    }
    Set<ProductId> neighbours = neighbours(b, products);
    Set<EntityId> affected = new HashSet<>(changed);
    for (Entity e : b.entities().values()) {
      if (neighbours.contains(e.product())) {
        affected.add(e.id());
      }
    }
    return Optional.of(Set.copyOf(affected));
  }

  /** Whether a window or freeze turns after {@code from} and no later than {@code to}. */
  private static boolean verdictsMayTurn(DesiredState desired, Instant from, Instant to) {
    if (to.isBefore(from)) {
      return true;
    }
    return VerdictChanges.next(desired.constraints(), from).filter(turn -> !turn.isAfter(to)).isPresent();
  }

  /** {@code products}, the products any of their releases depend on, and the products with a release on them. */
  private static Set<ProductId> neighbours(DesiredState desired, Set<ProductId> products) {
    Set<ProductId> out = new HashSet<>(products);
    for (List<Release> releases : desired.releases().values()) {
      for (Release release : releases) {
        for (ProductDependency dependency : release.manifest().productDependencies()) {
          if (products.contains(release.product())) {
            out.add(dependency.product());
          }
          if (products.contains(dependency.product())) {
            out.add(release.product());
          }
        }
      }
    }
    return out;
  }

  private static Set<EntityId> union(Set<EntityId> a, Set<EntityId> b) {
    Set<EntityId> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
