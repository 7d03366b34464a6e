package io.apollo.spoke.intake;

import io.apollo.core.ApolloException;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.core.wire.ErrorBody;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessageJson;
import io.apollo.spoke.auth.BearerToken;
import io.apollo.spoke.journal.Journal;
import io.apollo.spoke.journal.PlanRecord;
import io.apollo.spoke.journal.Taken;
import io.apollo.spoke.options.SpokeOptions;
import io.apollo.spoke.report.Reports;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spoke's HTTP endpoint (DESIGN.md section 5). Deploy it with {@code ThreadingModel.VIRTUAL_THREAD}: its
 * handlers write the journal, which blocks.
 * <ul>
 *   <li>{@code POST /v1/plans}: one plan; {@code 202} once journaled (it runs in the background), {@code 200} with the
 *       recorded outcome for a plan id already taken; 400 malformed or no operator for it, 401 no or a wrong token,
 *       403 another spoke's plan, 413 over {@link SpokeOptions#MAX_PLAN_BYTES}, 415 not JSON.</li>
 *   <li>{@code GET /v1/plans/{id}}: a taken plan's record with its steps; 404 when unknown.</li>
 *   <li>{@code GET /v1/state}: the report this spoke would send now.</li>
 *   <li>{@code GET /healthz}: {@code 200} while the spoke serves (no token needed).</li>
 * </ul>
 */
public final class PlanApi extends VerticleBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SpokeOptions options;
  private final BearerToken token;
  private final PlanDesk desk;
  private final Journal journal;
  private final Reports reports;
  private HttpServer server;

  public PlanApi(SpokeOptions options, BearerToken token, PlanDesk desk, Journal journal, Reports reports) {
    this.options = options;
    this.token = token;
    this.desk = desk;
    this.journal = journal;
    this.reports = reports;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(ctx -> json(ctx, 200, JSON.createObjectNode().put("status", "ok")
        .put("spoke", options.name()).toString()));
    // Token and content type are judged before the body is read (platform handlers run before the body handler).
    PlatformHandler authenticate = this::authenticate;
    PlatformHandler requireJson = this::requireJson;
    router.post("/v1/plans").handler(authenticate).handler(requireJson)
        .handler(BodyHandler.create(false).setBodyLimit(SpokeOptions.MAX_PLAN_BYTES)).handler(this::takePlan);
    router.get("/v1/plans/:id").handler(authenticate).handler(this::getPlan);
    router.get("/v1/state").handler(authenticate).handler(this::getState);
    router.errorHandler(413, ctx -> error(ctx, 413, "too_large", "a plan may be at most "
        + SpokeOptions.MAX_PLAN_BYTES + " bytes"));
    router.errorHandler(404, ctx -> error(ctx, 404, "not_found", "no such endpoint: " + ctx.request().method()
        + " " + ctx.request().path()));
    router.errorHandler(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.request().method()
        + " is not allowed on " + ctx.request().path()));
    router.errorHandler(500, ctx -> error(ctx, 500, "internal", "the spoke failed to handle "
        + ctx.request().path() + ": " + (ctx.failure() == null ? "unknown" : ctx.failure().getMessage())));
    return vertx.createHttpServer().requestHandler(router).listen(options.port(), options.bind())
        .onSuccess(s -> server = s);
  }

  /** The port the server listens on (the chosen one when {@code --port 0}). */
  public int port() {
    return server.actualPort();
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (!token.admits(header)) {
      error(ctx, 401, header == null ? "no_token" : "bad_token", header == null
          ? "send the spoke's token as 'Authorization: Bearer <token>'"
          : "the bearer token is not this spoke's; use the token of the hub's --spoke-tokens file for '"
              + options.name() + "'");
      return;
    }
    ctx.next();
  }

  private void requireJson(RoutingContext ctx) {
    String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      error(ctx, 415, "unsupported_media_type", "send a plan as Content-Type: application/json (got '"
          + type + "')");
      return;
    }
    ctx.next();
  }

  private void takePlan(RoutingContext ctx) {
    PlanMessage plan;
    try {
      plan = PlanMessageJson.read("POST /v1/plans", ctx.body().buffer() == null ? new byte[0]
          : ctx.body().buffer().getBytes());
    } catch (ApolloException e) {
      error(ctx, 400, "bad_plan", e.getMessage());
      return;
    }
    Optional<PlanDesk.Refused> refused = desk.check(plan);
    if (refused.isPresent()) {
      boolean other = refused.get().refusal() == PlanDesk.Refusal.OTHER_SPOKE;
      error(ctx, other ? 403 : 400, other ? "other_spoke" : "no_operator", refused.get().message());
      return;
    }
    Taken taken = desk.take(plan);
    json(ctx, taken.fresh() ? 202 : 200, planJson(taken.record()).toString());
  }

  private void getPlan(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<PlanRecord> record = journal.plan(id);
    if (record.isEmpty()) {
      error(ctx, 404, "not_found", "this spoke has taken no plan " + id);
      return;
    }
    ObjectNode node = planJson(record.get());
    journal.steps(id).forEach(node.withArray("steps")::add);
    json(ctx, 200, node.toString());
  }

  private void getState(RoutingContext ctx) {
    json(ctx, 200, SpokeReportJson.write(reports.current()).toString());
  }

  /** A taken plan as the endpoint answers it: its id, entity, status, outcome, reason and message. */
  static ObjectNode planJson(PlanRecord r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", r.id());
    node.put("entity", r.plan().entity().toString());
    node.put("status", r.status().name());
    node.put("outcome", r.status().outcome().name());
    node.put("reason", r.reason());
    node.put("message", r.message());
    node.put("takenAt", r.takenAt().toString());
    node.put("finishedAt", r.finishedAt().map(Object::toString).orElse(null));
    return node;
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
  }

  private static void error(RoutingContext ctx, int status, String code, String message) {
    json(ctx, status, new ErrorBody(code, message).toJson());
  }
}
