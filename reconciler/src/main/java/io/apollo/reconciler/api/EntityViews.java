package io.apollo.reconciler.api;

import io.apollo.core.config.Entity;
import io.apollo.core.entity.EntityStates;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.report.EntityReport;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.StoredPlan;
import java.util.Comparator;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entity as {@code GET /v1/entities} shows it: {@code {id, product, environment, spoke, desiredVersion, channel,
 * runningVersion, state, health, planId}}, plus {@code awaiting} when its spoke has never reported (the hub then
 * knows nothing of what runs there and proposes nothing: DESIGN.md section 5).
 */
final class EntityViews {
  private EntityViews() {}

  static ObjectNode entity(HubSnapshot s, Entity e) {
    Optional<EntityReport> report = s.reported().get(e.id());
    Optional<StoredPlan> current = current(s, e);
    ObjectNode out = PlanViews.JSON.createObjectNode();
    out.put("id", e.id().toString());
    out.put("product", e.product().toString());
    out.put("environment", e.environment());
    out.put("spoke", e.spoke());
    out.put("desiredVersion", e.version().map(Object::toString).orElse(null));
    out.put("channel", e.channel().map(c -> c.wireName()).orElse(null));
    out.put("runningVersion", report.flatMap(EntityReport::version).map(Object::toString).orElse(null));
    Optional<Plan> plan = s.result().flatMap(r -> r.plan(e.id()));
    Optional<Plan> asStored = current.flatMap(c -> plan.filter(p -> p.id().equals(c.id()))
        .map(p -> withState(p, c.state())));
    out.put("state", EntityStates.derive(report, asStored.or(() -> plan)).name());
    out.put("health", report.map(r -> r.health().name()).orElse(null));
    out.put("planId", current.map(StoredPlan::id).orElse(null));
    if (!s.hasReported(e.spoke())) {
      out.put("awaiting", "spoke " + e.spoke() + " has not reported yet: nothing is planned for this entity"
          + " until its first report says what runs there");
    }
    return out;
  }

  /** The entity's newest plan that is not finished, else its newest plan. */
  private static Optional<StoredPlan> current(HubSnapshot s, Entity e) {
    Comparator<StoredPlan> newest = Comparator.comparing(StoredPlan::createdAt);
    Optional<StoredPlan> open = s.plans().stream()
        .filter(p -> p.entity().equals(e.id()) && !p.state().isTerminal()).max(newest);
    return open.or(() -> s.plans().stream().filter(p -> p.entity().equals(e.id())).max(newest));
  }

  private static Plan withState(Plan p, PlanState state) {
    return new Plan(p.id(), p.entity(), p.product(), p.spoke(), p.type(), p.fromVersion(), p.toVersion(),
        p.configDigest(), state, p.verdicts(), p.requiredRoles(), p.missingRoles(), p.reason(), p.message(),
        p.unblocksAt());
  }
}
