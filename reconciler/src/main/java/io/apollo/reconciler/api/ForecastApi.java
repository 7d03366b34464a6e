package io.apollo.reconciler.api;

import io.apollo.core.constraint.ConstraintKind;
import io.apollo.core.forecast.Band;
import io.apollo.core.forecast.Forecast;
import io.apollo.core.forecast.Forecaster;
import io.apollo.core.forecast.Landing;
import io.apollo.core.forecast.WaitingPlan;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Version;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.StoredPlan;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/forecast?days=14}: each environment's maintenance windows and freezes as bands, and when each
 * blocked or pending plan could land ({@link Forecaster}), computed from the last published snapshot at the request's
 * instant. The computation is pure and bounded (a few cron steps per plan), so it runs on the event loop.
 */
public final class ForecastApi {
  /** Longest calendar a request may ask for. */
  static final int MAX_DAYS = 62;

  private final Supplier<HubSnapshot> snapshot;
  private final Supplier<Instant> now;

  public ForecastApi(Supplier<HubSnapshot> snapshot, Supplier<Instant> now) {
    this.snapshot = snapshot;
    this.now = now;
  }

  public void forecast(RoutingContext ctx) {
    int days = Optional.ofNullable(ctx.queryParams().get("days")).filter(v -> !v.isBlank()).map(ForecastApi::days)
        .orElse(14);
    HubSnapshot s = snapshot.get();
    List<WaitingPlan> plans = s.plans().stream().map(ForecastApi::waiting).toList();
    Forecast f = Forecaster.forecast(s.desired(), plans, now.get(), days);
    HubApi.json(ctx, 200, render(f));
  }

  public static ObjectNode render(Forecast f) {
    ObjectNode root = PlanViews.JSON.createObjectNode();
    root.put("from", f.from().toString());
    root.put("to", f.to().toString());
    ArrayNode environments = root.putArray("environments");
    for (Map.Entry<String, List<Band>> e : new java.util.TreeMap<>(f.bands()).entrySet()) {
      ObjectNode env = environments.addObject();
      env.put("name", e.getKey());
      ArrayNode bands = env.putArray("bands");
      for (Band b : e.getValue()) {
        bands.addObject().put("constraint", b.constraint()).put("kind", b.kind().name())
            .put("start", b.start().toString()).put("end", b.end().toString()).put("reason", b.reason());
      }
    }
    ArrayNode landings = root.putArray("plans");
    for (Landing l : f.landings()) {
      ObjectNode out = landings.addObject();
      out.put("id", l.planId());
      out.put("entity", l.entity().toString());
      out.put("environment", l.entity().environment());
      out.put("state", l.state().name());
      out.put("at", l.at().map(Instant::toString).orElse(null));
      out.put("reason", l.reason().name());
      out.put("message", l.message());
      out.put("never", l.never());
      out.put("after", l.after().orElse(null));
      ArrayNode roles = out.putArray("missingRoles");
      l.missingRoles().forEach(roles::add);
    }
    return root;
  }

  /**
   * The forecast's view of a stored plan: its body's product, target, missing roles, dependency violation and
   * promotion bake.
   */
  static WaitingPlan waiting(StoredPlan p) {
    JsonNode body = PlanViews.JSON.readTree(p.body());
    Set<String> missing = new HashSet<>();
    body.path("missingRoles").values().forEach(r -> missing.add(r.asString()));
    Optional<String> dependency = body.path("violations").values().stream()
        .filter(v -> v.path("kind").asString().equals(ConstraintKind.DEPENDENCY.wireName()))
        .map(v -> v.path("message").asString()).findFirst();
    Optional<Version> to = Optional.of(body.path("toVersion")).filter(JsonNode::isString)
        .map(v -> Version.parse(v.asString()));
    Optional<WaitingPlan.Bake> bake = body.path("violations").values().stream()
        .filter(v -> v.path("kind").asString().equals(ConstraintKind.PROMOTION.wireName()))
        .map(v -> new WaitingPlan.Bake(v.path("constraint").asString(), v.path("message").asString(),
            Optional.of(v.path("unblocksAt")).filter(JsonNode::isString).map(t -> Instant.parse(t.asString()))))
        .findFirst();
    return new WaitingPlan(p.id(), p.entity(), ProductId.parse(body.path("product").asString()), to, p.state(),
        missing, dependency, bake);
  }

  private static int days(String text) {
    try {
      int days = Integer.parseInt(text.strip());
      if (days >= 1 && days <= MAX_DAYS) {
        return days;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw HttpFailure.badRequest("days=" + text + " is not a whole number of days from 1 to " + MAX_DAYS);
  }
}
