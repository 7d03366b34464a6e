package io.apollo.reconciler.api;

import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.StoredPlan;
import java.util.EnumMap;
import java.util.Map;

/** {@code GET /metrics}: what the hub holds, in Prometheus' text format, from the last published snapshot. */
final class Metrics {
  private Metrics() {}

  static String render(HubSnapshot s) {
    Map<PlanState, Integer> byState = new EnumMap<>(PlanState.class);
    for (PlanState state : PlanState.values()) {
      byState.put(state, 0);
    }
    for (StoredPlan p : s.plans()) {
      byState.merge(p.state(), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    out.append("# HELP apollo_plans Plans the hub holds, by state.\n# TYPE apollo_plans gauge\n");
    byState.forEach((state, n) -> out.append("apollo_plans{state=\"").append(state.name()).append("\"} ")
        .append(n).append('\n'));
    gauge(out, "apollo_reconcile_passes_total", "counter", "Reconcile passes run since the hub started.", s.pass());
    gauge(out, "apollo_load_problems", "gauge", "Problems in the governing commit.", s.problems().size());
    gauge(out, "apollo_fetch_failing", "gauge", "1 when the last fetch failed.", s.fetchError().isPresent() ? 1 : 0);
    gauge(out, "apollo_spokes_reported", "gauge", "Spokes that have reported at least once.", s.reportedAt().size());
    gauge(out, "apollo_entities", "gauge", "Entities of desired state.", s.desired().entities().size());
    return out.toString();
  }

  private static void gauge(StringBuilder out, String name, String type, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append(' ').append(value).append('\n');
  }
}
