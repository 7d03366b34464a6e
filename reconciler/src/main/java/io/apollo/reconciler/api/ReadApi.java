package io.apollo.reconciler.api;

import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Environment;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.config.SpokeRef;
import io.apollo.core.explain.Explainer;
import io.apollo.core.explain.Explanation;
import io.apollo.core.explain.ExplanationText;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.EntityState;
import io.apollo.reconciler.dispatch.SpokeDispatch;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.StoredPlan;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The read API of DESIGN.md section 5: plans, entities (with explain), products, releases, spokes, status. */
final class ReadApi {
  private final Vertx vertx;
  private final Supplier<HubSnapshot> snapshot;
  private final HubStore store;
  private final HubApi.Settings settings;

  ReadApi(Vertx vertx, Supplier<HubSnapshot> snapshot, HubStore store, HubApi.Settings settings) {
    this.settings = settings;
    this.vertx = vertx;
    this.snapshot = snapshot;
    this.store = store;
  }

  void plans(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    Optional<PlanState> state = query(ctx, "state").map(v -> PlanState.fromWireName(
        v.toUpperCase(java.util.Locale.ROOT)).orElseThrow(() -> HttpFailure.badRequest("state=" + v
            + " is not a plan state; use one of " + List.of(PlanState.values()))));
    Optional<String> environment = query(ctx, "environment").map(env -> knownEnvironment(s, env));
    Optional<EntityId> entity = query(ctx, "entity").map(ReadApi::entityId);
    ObjectNode root = PlanViews.JSON.createObjectNode();
    ArrayNode plans = root.putArray("plans");
    for (StoredPlan p : s.plans()) {
      if (state.map(p.state()::equals).orElse(true)
          && environment.map(p.entity().environment()::equals).orElse(true)
          && entity.map(p.entity()::equals).orElse(true)) {
        plans.add(PlanViews.plan(p, s.approvals().getOrDefault(p.id(), List.of()),
            s.acknowledged().contains(p.id())));
      }
    }
    HubApi.json(ctx, 200, root);
  }

  void plan(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    String id = ctx.pathParam("id");
    StoredPlan plan = s.plan(id).orElseThrow(() -> HttpFailure.notFound("no plan " + id
        + "; list plans with GET /v1/plans"));
    vertx.executeBlocking(() -> store.history(id))
        .onSuccess(history -> {
          ObjectNode view = PlanViews.withHistory(PlanViews.plan(plan, s.approvals().getOrDefault(id, List.of()),
              s.acknowledged().contains(id)), history);
          Optional.ofNullable(s.fileEdits().get(id)).ifPresent(edit -> PlanViews.fileEdit(view.putObject("fileEdited"),
              edit));
          HubApi.json(ctx, 200, view);
        })
        .onFailure(ctx::fail);
  }

  void entities(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    Optional<String> environment = query(ctx, "environment").map(env -> knownEnvironment(s, env));
    Optional<EntityState> state = query(ctx, "state").map(v -> EntityState.fromWireName(
        v.toUpperCase(java.util.Locale.ROOT)).orElseThrow(() -> HttpFailure.badRequest("state=" + v
        + " is not an entity state; use one of " + List.of(EntityState.values()))));
    ObjectNode root = PlanViews.JSON.createObjectNode();
    ArrayNode list = root.putArray("entities");
    for (Entity e : s.desired().entities().values()) {
      ObjectNode view = EntityViews.entity(s, e);
      if (environment.map(e.environment()::equals).orElse(true)
          && state.map(st -> st.name().equals(view.path("state").asString())).orElse(true)) {
        list.add(view);
      }
    }
    HubApi.json(ctx, 200, root);
  }

  void entity(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    EntityId id = new EntityId(ctx.pathParam("env"), ctx.pathParam("name"));
    Entity entity = s.desired().entity(id).orElseThrow(() -> HttpFailure.notFound("no entity " + id
        + " in desired state at " + s.commit().orElse("(nothing loaded yet)") + "; list them with GET /v1/entities"));
    ObjectNode view = EntityViews.entity(s, entity);
    PlanningResult result = s.result().orElseThrow();
    Explanation explanation = Explainer.explain(id, result, s.desired(), s.reported());
    ObjectNode explain = view.putObject("explain");
    explain.put("desired", explanation.desired());
    explain.put("target", explanation.target().flatMap(t -> t.version()).map(Object::toString).orElse(null));
    explain.put("targetReason", explanation.target().map(t -> t.reason().name()).orElse(null));
    explain.put("noPlan", explanation.noPlan().map(n -> n.reason().name()).orElse(null));
    explain.put("noPlanMessage", explanation.noPlan().map(n -> n.message()).orElse(null));
    explain.put("text", ExplanationText.renderAscii(explanation));
    HubApi.json(ctx, 200, view);
  }

  void products(RoutingContext ctx) {
    ObjectNode root = PlanViews.JSON.createObjectNode();
    ArrayNode list = root.putArray("products");
    for (Product p : snapshot.get().desired().products().values()) {
      ObjectNode out = list.addObject();
      out.put("id", p.id().toString());
      out.put("displayName", p.displayName());
      out.put("criticality", p.criticality().name().toLowerCase(java.util.Locale.ROOT));
      out.put("type", p.type().wireName());
    }
    HubApi.json(ctx, 200, root);
  }

  void releases(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    Optional<ProductId> product = query(ctx, "product").map(text -> {
      ProductId id;
      try {
        id = ProductId.parse(text);
      } catch (RuntimeException e) {
        throw HttpFailure.badRequest("product=" + text + " is not a product id (group:artifact)");
      }
      if (s.desired().product(id).isEmpty()) {
        throw HttpFailure.notFound("no product " + text + "; list them with GET /v1/products");
      }
      return id;
    });
    ObjectNode root = PlanViews.JSON.createObjectNode();
    ArrayNode list = root.putArray("releases");
    s.desired().releases().forEach((id, releases) -> {
      if (product.map(id::equals).orElse(true)) {
        for (Release r : releases) {
          ObjectNode out = list.addObject();
          out.put("product", id.toString());
          out.put("version", r.version().toString());
          ArrayNode channels = out.putArray("channels");
          r.sortedChannels().forEach(c -> channels.add(c.wireName()));
          out.put("recalled", r.recalled().map(rc -> rc.reason()).orElse(null));
          out.put("artifact", r.artifact().map(a -> a.uri()).orElse(null));
        }
      }
    });
    HubApi.json(ctx, 200, root);
  }

  void spokes(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    ObjectNode root = PlanViews.JSON.createObjectNode();
    ArrayNode list = root.putArray("spokes");
    for (Environment env : s.desired().environments().values()) {
      for (SpokeRef spoke : env.spokes()) {
        ObjectNode out = list.addObject();
        out.put("name", spoke.name());
        out.put("environment", env.name());
        out.put("url", spoke.url().map(Object::toString).orElse(null));
        out.put("mode", spoke.isPushed() ? "push" : "poll");
        out.put("lastReportAt", Optional.ofNullable(s.reportedAt().get(spoke.name())).map(Object::toString)
            .orElse(null));
        Optional<SpokeDispatch> dispatch = settings.dispatch().apply(spoke.name());
        out.put("lastDispatchAt", dispatch.map(d -> d.lastAttemptAt().toString()).orElse(null));
        out.put("lastDispatchError", dispatch.flatMap(SpokeDispatch::lastError).orElse(null));
        out.put("nextDispatchRetryAt", dispatch.flatMap(SpokeDispatch::nextRetryAt).map(Object::toString)
            .orElse(null));
        ArrayNode entities = out.putArray("entities");
        s.desired().entitiesIn(env.name()).stream().filter(e -> e.spoke().equals(spoke.name()))
            .forEach(e -> entities.add(e.id().toString()));
      }
    }
    HubApi.json(ctx, 200, root);
  }

  /**
   * {@code GET /v1/reports}: {@code {"reports": [...]}}, the latest report of every spoke that has reported, by spoke
   * name, each as the spoke sent it ({@code schema/spoke-report.schema.json}). Read-only: what the reconcile loop
   * plans against, for clients that plan the same way ({@code apollo diff}). A stored report that no longer parses as
   * JSON is left out, as the loop ignores it.
   */
  void reports(RoutingContext ctx) {
    vertx.executeBlocking(store::reports).onSuccess(reports -> {
      ObjectNode root = PlanViews.JSON.createObjectNode();
      ArrayNode list = root.putArray("reports");
      new java.util.TreeMap<>(reports).values().forEach(r -> {
        try {
          list.add(PlanViews.JSON.readTree(r.json()));
        } catch (tools.jackson.core.JacksonException e) {
          // The loop ignores such a report too (and logs it); the answer holds the reports that read.
        }
      });
      HubApi.json(ctx, 200, root);
    }).onFailure(ctx::fail);
  }

  void status(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    ObjectNode root = PlanViews.JSON.createObjectNode();
    root.put("commit", s.commit().orElse(null));
    root.put("lastFetch", s.lastFetch().map(Object::toString).orElse(null));
    root.put("fetchError", s.fetchError().orElse(null));
    root.put("health", Health.of(s).name().toLowerCase(java.util.Locale.ROOT));
    root.put("gitEvent", settings.gitEvent().get().orElse(null));
    root.put("pass", s.pass());
    root.put("passAt", s.at().toString());
    ArrayNode problems = root.putArray("problems");
    s.problems().forEach(p -> problems.add(p.toString()));
    NotificationViews.outbox(root.putObject("notifications"), settings.outbox().get());
    ArrayNode edited = root.putArray("planFileEdits");
    s.fileEdits().values().forEach(edit -> PlanViews.fileEdit(edited.addObject(), edit));
    HubApi.leadership(root, settings.leadership().get());
    HubApi.json(ctx, 200, root);
  }

  /** {@code GET /healthz}: 200 while the hub serves; {@code degraded} with the reason while git cannot be fetched. */
  void healthz(RoutingContext ctx) {
    HubSnapshot s = snapshot.get();
    Health health = Health.of(s);
    ObjectNode root = PlanViews.JSON.createObjectNode().put("status", health.name().toLowerCase(java.util.Locale.ROOT));
    if (health == Health.DEGRADED) {
      root.put("reason", "fetch_failing");
      root.put("message", "the config repository cannot be fetched; the hub governs by commit "
          + s.commit().orElse("(none yet)") + " fetched at " + s.lastFetch().map(Object::toString).orElse("(never)")
          + " and retries: " + s.fetchError().orElse(""));
    }
    HubApi.leadership(root, settings.leadership().get());
    HubApi.json(ctx, 200, root);
  }

  /** How the hub stands, as {@code /healthz} and {@code /v1/status} say it. */
  enum Health {
    /** Fetching works and the hub governs by the branch's head. */
    OK,
    /** The last fetch failed: the hub still serves and governs by the last good commit, and retries. */
    DEGRADED;

    static Health of(HubSnapshot s) {
      return s.fetchError().isPresent() ? DEGRADED : OK;
    }
  }

  private static Optional<String> query(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name)).filter(v -> !v.isBlank());
  }

  private static String knownEnvironment(HubSnapshot s, String env) {
    if (s.commit().isPresent() && !s.desired().environments().containsKey(env)) {
      throw HttpFailure.badRequest("environment=" + env + " is not an environment of desired state; known: "
          + s.desired().environments().keySet());
    }
    return env;
  }

  /** A name a person could have given an environment or an entity; never {@code ..}, a slash or a NUL. */
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
      "[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

  private static EntityId entityId(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !NAME.matcher(parts[1]).matches()) {
      throw HttpFailure.badRequest("entity=" + abbreviate(text) + " is not an entity id; use <environment>/<name>,"
          + " each a name of letters, digits, '.', '_' or '-'");
    }
    return EntityId.tryParse(text).orElseThrow(() -> HttpFailure.badRequest("entity=" + abbreviate(text)
        + " is not an entity id; use <environment>/<name>"));
  }

  private static String abbreviate(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }

}
