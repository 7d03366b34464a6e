package io.apollo.reconciler.api;

import io.apollo.core.wire.ErrorBody;
import io.apollo.reconciler.dispatch.PollMailbox;
import io.apollo.reconciler.dispatch.SpokeDispatch;
import io.apollo.reconciler.lead.LeaderStatus;
import io.apollo.reconciler.lead.Role;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.loop.ReconcileLoop;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.StoredPlan;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hub's routes (DESIGN.md section 5), one line each, and the one place errors become {@code {"error",
 * "message"}} with a status. Spokes authenticate with {@code Authorization: Bearer <token>}: no or an unknown token
 * is 401, another spoke's token is 403.
 */
public final class HubApi {
  /** The leadership of a hub that is the only one: SQLite, or tests. */
  static final Supplier<LeaderStatus> ALWAYS_LEADS =
      () -> new LeaderStatus(Role.LEADER, 0, "sqlite", "LEADER", "the only hub");

  private static final Logger LOG = LoggerFactory.getLogger(HubApi.class);
  /** The answer to a report taken, the same text for every one. */
  private static final String ACCEPTED = "{\"accepted\":true}";
  /** Longest long poll a spoke may ask for. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final Supplier<HubSnapshot> snapshot;
  private final SpokeTokens tokens;
  private final ReportIntake intake;
  private final PollMailbox mailbox;
  private final Consumer<String> trigger;
  private final ReportTriggers reportTriggers;
  private final ReadApi read;
  private final long maxBodyBytes;
  private final Optional<GitWebhook> webhook;
  private final HubMetrics metrics;
  private final Supplier<LeaderStatus> leadership;
  private final ForecastApi forecast;
  private final AuditApi audit;

  /**
   * What the API is configured with: the body limit of posts, the git webhook's secret when one is given, the
   * metrics, how pushing to each spoke went lately, the last rewrite or re-clone of git the hub saw, and whether
   * this hub leads or follows (for {@code /healthz} and {@code /v1/status}).
   */
  public record Settings(long maxBodyBytes, Optional<GitWebhook> webhook, HubMetrics metrics,
      Function<String, Optional<SpokeDispatch>> dispatch, Supplier<Optional<String>> gitEvent,
      Supplier<LeaderStatus> leadership, Supplier<io.apollo.reconciler.notify.OutboxStatus> outbox) {
    /** No notification outbox to show. */
    public Settings(long maxBodyBytes, Optional<GitWebhook> webhook, HubMetrics metrics,
        Function<String, Optional<SpokeDispatch>> dispatch, Supplier<Optional<String>> gitEvent,
        Supplier<LeaderStatus> leadership) {
      this(maxBodyBytes, webhook, metrics, dispatch, gitEvent, leadership,
          io.apollo.reconciler.notify.OutboxStatus::empty);
    }

    /** No dispatch or git events to show, metrics of its own, a hub that always leads (one hub on SQLite; tests). */
    public Settings(long maxBodyBytes, Optional<GitWebhook> webhook) {
      this(maxBodyBytes, webhook, new HubMetrics(Clock.systemUTC()), spoke -> Optional.empty(), Optional::empty,
          ALWAYS_LEADS);
    }

    /** A hub that always leads (one hub on SQLite). */
    public Settings(long maxBodyBytes, Optional<GitWebhook> webhook, HubMetrics metrics,
        Function<String, Optional<SpokeDispatch>> dispatch, Supplier<Optional<String>> gitEvent) {
      this(maxBodyBytes, webhook, metrics, dispatch, gitEvent, ALWAYS_LEADS);
    }
  }

  /** @param trigger asks the reconcile loop for a pass, naming why */
  public HubApi(Vertx vertx, Supplier<HubSnapshot> snapshot, HubStore store, SpokeTokens tokens,
      PollMailbox mailbox, Consumer<String> trigger, Clock clock, Settings settings) {
    this.vertx = vertx;
    this.snapshot = snapshot;
    this.tokens = tokens;
    this.intake = new ReportIntake(store, clock);
    this.mailbox = mailbox;
    this.trigger = trigger;
    this.leadership = settings.leadership();
    this.read = new ReadApi(vertx, snapshot, store, settings);
    this.maxBodyBytes = settings.maxBodyBytes();
    this.webhook = settings.webhook();
    this.metrics = settings.metrics();
    this.reportTriggers = new ReportTriggers(vertx, trigger, ReportTriggers.SPACING,
        ReportTriggers.MOST_SPACING, metrics::lastPass);
    this.forecast = new ForecastApi(snapshot, clock::instant);
    this.audit = new AuditApi(vertx, snapshot, store);
  }

  public Router router() {
    Router router = Router.router(vertx);
    router.route().handler(HubApi::refuseEscapingPaths);
    router.post("/v1/spokes/:spoke/reports").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.post("/v1/spokes/:spoke/reports").handler(this::report);
    router.get("/v1/spokes/:spoke/plans").handler(this::poll);
    router.post("/v1/hooks/git").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.post("/v1/hooks/git").handler(this::hook);
    router.get("/v1/plans").handler(read::plans);
    router.get("/v1/plans/:id").handler(read::plan);
    router.get("/v1/plans/:id/record").handler(audit::record);
    router.get("/v1/audit").handler(audit::audit);
    router.get("/v1/entities").handler(read::entities);
    router.get("/v1/entities/:env/:name").handler(read::entity);
    router.get("/v1/products").handler(read::products);
    router.get("/v1/releases").handler(read::releases);
    router.get("/v1/spokes").handler(read::spokes);
    router.get("/v1/reports").handler(read::reports);
    router.get("/v1/status").handler(read::status);
    router.get("/v1/forecast").handler(forecast::forecast);
    io.apollo.reconciler.web.WebPage.register(router);
    router.get("/metrics").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE,
        "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
    router.get("/healthz").handler(read::healthz);
    router.route().last().handler(ctx -> ctx.fail(HttpFailure.notFound("no route " + ctx.request().method() + " "
        + ctx.request().path() + "; the API is under /v1 (see DESIGN.md section 5)")));
    router.route().failureHandler(this::failure);
    return router;
  }

  private void report(RoutingContext ctx) {
    String spoke = authenticate(ctx);
    requireLeader("reports");
    String type = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new HttpFailure(415, "unsupported_media_type", "send the report as Content-Type: application/json"
          + (type.isEmpty() ? "" : ", not " + type));
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    HubSnapshot now = snapshot.get();
    long epoch = leadership.get().epoch();
    // Checking runs on a worker, unordered (reports of different spokes need no order between them); the 202 goes
    // out only once the group commit holding the report has committed. (Checking a report in the spokes' form on
    // the event loop, without the two hand-offs, measured slower on a loaded two-core machine: docs/decisions.md.)
    vertx.executeBlocking(() -> intake.accept(spoke, body, now, epoch), false)
        .compose(committed -> Future.fromCompletionStage(committed, ctx.vertx().getOrCreateContext()))
        .onSuccess(changed -> {
          metrics.reportReceived();
          if (changed) {
            reportTriggers.changed(spoke);
          }
          ctx.response().setStatusCode(202).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(ACCEPTED);
        })
        .onFailure(ctx::fail);
  }

  /** A git server says the repository changed: fetch now rather than at the next poll interval. */
  /**
   * Refuses a path whose segments, once decoded, are {@code .} or {@code ..} or hold a slash or a NUL, before the
   * router normalises it into another route ({@code /v1/entities/%2e%2e/%2e%2e} would otherwise become {@code /}).
   */
  private static void refuseEscapingPaths(RoutingContext ctx) {
    String raw = Optional.ofNullable(ctx.request().path()).orElse("/");
    for (String segment : raw.split("/", -1)) {
      String decoded;
      try {
        decoded = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        ctx.fail(HttpFailure.badRequest("the path " + abbreviate(raw) + " is not well encoded"));
        return;
      }
      if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/") || decoded.indexOf('\0') >= 0) {
        ctx.fail(HttpFailure.badRequest("the path " + abbreviate(raw) + " has a segment that is '.', '..', or holds"
            + " a slash or a NUL; ids never do"));
        return;
      }
    }
    ctx.next();
  }

  private static String abbreviate(String path) {
    return path.length() > 80 ? path.substring(0, 80) + "..." : path;
  }

  private void hook(RoutingContext ctx) {
    requireLeader("git webhooks");
    GitWebhook secret = webhook.orElseThrow(() -> HttpFailure.notFound("no git webhook is configured: start the hub"
        + " with --webhook-secret-file FILE"));
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (secret.prove(ctx.request()::getHeader, body).isEmpty()) {
      throw new HttpFailure(401, "bad_signature", "the notification is not signed with the hub's webhook secret:"
          + " send X-Hub-Signature-256 (sha256=<hex HMAC-SHA256 of the body>, GitHub), X-Gitea-Signature (<hex"
          + " HMAC-SHA256 of the body>, Gitea) or X-Gitlab-Token (the secret, GitLab)");
    }
    // A flood of notifications of one push coalesces into one fetch: a hook naming the commit that already governs
    // asks for nothing more.
    Optional<String> after = GitWebhook.after(body);
    boolean fetch = after.isEmpty() || !after.equals(snapshot.get().commit());
    if (fetch) {
      trigger.accept(ReconcileLoop.WEBHOOK);
    }
    json(ctx, 202, PlanViews.JSON.createObjectNode().put("accepted", true).put("fetch", fetch));
  }

  private void poll(RoutingContext ctx) {
    authenticate(ctx);
    Duration wait = Optional.ofNullable(ctx.queryParams().get("wait")).map(HubApi::duration).orElse(Duration.ZERO);
    mailbox.poll(ctx.pathParam("spoke"), wait, this::waitingFor)
        .onSuccess(plans -> {
          ObjectNode root = PlanViews.JSON.createObjectNode();
          ArrayNode list = root.putArray("plans");
          plans.forEach(p -> list.add(PlanViews.JSON.readTree(p)));
          json(ctx, 200, root);
        })
        .onFailure(ctx::fail);
  }

  /** The JSON of the plans handed to {@code spoke} that no report of it has named yet. */
  public List<String> waitingFor(String spoke) {
    HubSnapshot s = snapshot.get();
    return s.waitingFor(spoke).stream()
        .map((StoredPlan p) -> PlanViews.plan(p, s.approvals().getOrDefault(p.id(), List.of()), false).toString())
        .toList();
  }

  /** The spoke of the path, when the bearer token is that spoke's. */
  private String authenticate(RoutingContext ctx) {
    String spoke = ctx.pathParam("spoke");
    String header = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)).orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throw new HttpFailure(401, "no_token", "send the spoke's token as 'Authorization: Bearer <token>'");
    }
    String token = header.substring(7).strip();
    if (tokens.isTokenOf(spoke, token)) {
      return spoke;
    }
    String owner = tokens.spokeOf(token).orElseThrow(() -> new HttpFailure(401,
        "bad_token", "the bearer token is not any spoke's token in the hub's --spoke-tokens file"));
    if (!owner.equals(spoke)) {
      throw new HttpFailure(403, "wrong_spoke", "this token is not spoke " + spoke + "'s: a spoke acts only"
          + " for itself");
    }
    return spoke;
  }

  /** {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 ({@code PT30S}); at most {@link #MAX_WAIT}. */
  static Duration duration(String text) {
    try {
      Duration d;
      if (text.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else if (text.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      } else {
        d = Duration.parse(text);
      }
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    } catch (RuntimeException e) {
      throw HttpFailure.badRequest("wait=" + text + " is not a duration; use such as 30s, 500ms or PT30S");
    }
  }

  /**
   * A follower has not loaded desired state, so it cannot check a report against it, and it does not fetch: it
   * answers 503 (reason {@code not_leader}) and names the leader, and the spoke retries or asks the leader.
   */
  private void requireLeader(String what) {
    LeaderStatus status = leadership.get();
    if (status.role() != Role.LEADER) {
      throw new HttpFailure(503, "not_leader", "this hub follows and takes no " + what + ": " + status.message());
    }
  }

  /** Adds {@code role} ({@code leader} or {@code follower}) and {@code leadership} (epoch, store, reason, message). */
  static void leadership(ObjectNode root, LeaderStatus status) {
    root.put("role", status.role().wireName());
    root.putObject("leadership").put("role", status.role().wireName()).put("epoch", status.epoch())
        .put("store", status.store()).put("reason", status.reason()).put("message", status.message());
  }

  static void json(RoutingContext ctx, int status, ObjectNode body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.toString());
  }

  private void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    ErrorBody body;
    if (failure instanceof HttpFailure f) {
      status = f.status();
      body = new ErrorBody(f.error(), f.getMessage());
    } else if (ctx.statusCode() == 413) {
      status = 413;
      body = new ErrorBody("too_large", "the body is over the hub's limit; send a smaller report");
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      status = ctx.statusCode();
      body = new ErrorBody("bad_request", "the request was refused (" + status + ")");
    } else {
      status = 500;
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      body = new ErrorBody("internal", "the hub failed to answer " + ctx.request().method() + " "
          + ctx.request().path() + ": " + (failure == null ? "unknown" : failure.getMessage()));
    }
    if (ctx.request().method() == io.vertx.core.http.HttpMethod.POST && ctx.request().path() != null
        && ctx.request().path().endsWith("/reports")) {
      metrics.reportRefused(body.error());
    }
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(body.toJson());
    }
  }
}
