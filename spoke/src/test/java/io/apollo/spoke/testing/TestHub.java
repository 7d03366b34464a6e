package io.apollo.spoke.testing;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.SpokeReport;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessageJson;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small stand-in for the hub's spoke-facing API on loopback: records every report (each held to
 * {@code spoke-report.schema.json}, a report that fails it is kept as an error), and in poll mode hands out queued
 * plans until a report names them as {@code lastPlanId}, as DESIGN.md section 5 says the hub does.
 */
public final class TestHub implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Vertx vertx = Vertx.vertx();
  private final String token;
  private final List<SpokeReport> reports = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Map<String, PlanMessage> queued = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> handouts = new ConcurrentHashMap<>();
  private final AtomicInteger refusedReports = new AtomicInteger();
  private volatile boolean away;
  private HttpServer server;

  public TestHub(String token) {
    this.token = token;
  }

  public TestHub start() throws Exception {
    Router router = Router.router(vertx);
    router.post("/v1/spokes/:spoke/reports").handler(BodyHandler.create(false).setBodyLimit(4_000_000))
        .handler(this::report);
    router.get("/v1/spokes/:spoke/plans").handler(this::plans);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** While away, every call is answered 503, as a hub that is restarting. */
  public void away(boolean isAway) {
    away = isAway;
  }

  /** Queues a plan for poll mode; it is handed out until a report names it as lastPlanId. */
  public void offer(PlanMessage plan) {
    queued.put(plan.id(), plan);
  }

  public int handouts(String planId) {
    return handouts.getOrDefault(planId, new AtomicInteger()).get();
  }

  public List<SpokeReport> reports() {
    return List.copyOf(reports);
  }

  /** Reports that failed the schema or the token check; a correct spoke sends none. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  public int refusedReports() {
    return refusedReports.get();
  }

  /** The entity as the latest report shows it. */
  public Optional<EntityReport> latest(EntityId entity) {
    List<SpokeReport> all = new ArrayList<>(reports);
    for (int i = all.size() - 1; i >= 0; i--) {
      for (EntityReport e : all.get(i).entities()) {
        if (e.entity().equals(entity)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  private boolean admitted(RoutingContext ctx) {
    if (away) {
      refusedReports.incrementAndGet();
      ctx.response().setStatusCode(503).end("{\"error\":\"unavailable\",\"message\":\"hub away\"}");
      return false;
    }
    if (!("Bearer " + token).equals(ctx.request().getHeader("Authorization"))) {
      errors.add("bad token on " + ctx.request().path());
      ctx.response().setStatusCode(401).end("{\"error\":\"bad_token\",\"message\":\"no\"}");
      return false;
    }
    return true;
  }

  private void report(RoutingContext ctx) {
    if (!admitted(ctx)) {
      return;
    }
    byte[] body = ctx.body().buffer().getBytes();
    String spoke = ctx.pathParam("spoke");
    // Schema validation is CPU work that may take seconds the first time: off the event loop.
    vertx.executeBlocking(() -> {
      for (SpokeReport r : SpokeReportJson.read("report", body)) {
        if (!r.spoke().equals(spoke)) {
          throw new IllegalArgumentException("report of " + r.spoke() + " posted as " + spoke);
        }
        reports.add(r);
        r.entities().forEach(e -> e.lastPlanId().ifPresent(queued::remove));
      }
      return null;
    }).onSuccess(done -> ctx.response().setStatusCode(202).end()).onFailure(e -> {
      errors.add(e.getMessage());
      ctx.response().setStatusCode(400).end(String.valueOf(e.getMessage()));
    });
  }

  private void plans(RoutingContext ctx) {
    if (!admitted(ctx)) {
      return;
    }
    String wait = Optional.ofNullable(ctx.request().getParam("wait")).orElse("0s");
    long until = System.currentTimeMillis() + Math.min(2_000, Long.parseLong(wait.replace("s", "")) * 1000);
    answerWhenReady(ctx, until);
  }

  private void answerWhenReady(RoutingContext ctx, long until) {
    if (queued.isEmpty() && System.currentTimeMillis() < until) {
      vertx.setTimer(50, t -> answerWhenReady(ctx, until));
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode plans = answer.putArray("plans");
    for (PlanMessage plan : queued.values()) {
      plans.add(PlanMessageJson.write(plan).put("state", "DISPATCHED"));
      handouts.computeIfAbsent(plan.id(), id -> new AtomicInteger()).incrementAndGet();
    }
    ctx.response().putHeader("Content-Type", "application/json").end(answer.toString());
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
