package io.apollo.reconciler.api;

import io.apollo.reconciler.audit.AuditRecord;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit API (issue 17): {@code GET /v1/plans/{id}/record}, one plan's record, and {@code GET
 * /v1/audit?since=&until=}, the records of every plan made or changed in a period ({@code format=jsonl}: one record a
 * line, {@code application/x-ndjson}). Reads the store on a worker, never on the event loop.
 */
final class AuditApi {
  /** The most records one answer holds; a longer period is cut, and says so ({@code truncated}). */
  static final int MAX_RECORDS = 10_000;

  private final Vertx vertx;
  private final Supplier<HubSnapshot> snapshot;
  private final HubStore store;

  AuditApi(Vertx vertx, Supplier<HubSnapshot> snapshot, HubStore store) {
    this.vertx = vertx;
    this.snapshot = snapshot;
    this.store = store;
  }

  void record(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    HubSnapshot s = snapshot.get();
    vertx.executeBlocking(() -> store.plan(id).map(plan -> record(plan, s, store.approvals())))
        .onSuccess(found -> found.ifPresentOrElse(r -> HubApi.json(ctx, 200, r), () -> ctx.fail(
            HttpFailure.notFound("no plan " + id + "; list plans with GET /v1/plans"))))
        .onFailure(ctx::fail);
  }

  void audit(RoutingContext ctx) {
    Instant since = instant("since", Optional.ofNullable(ctx.queryParams().get("since"))
        .orElseThrow(() -> HttpFailure.badRequest("since= is required, such as since=2026-12-01 or"
            + " since=2026-12-01T00:00:00Z")));
    Optional<Instant> until = Optional.ofNullable(ctx.queryParams().get("until")).map(t -> instant("until", t));
    boolean lines = "jsonl".equals(ctx.queryParams().get("format"));
    HubSnapshot s = snapshot.get();
    vertx.executeBlocking(() -> {
      List<StoredPlan> plans = store.plans().stream().filter(p -> !p.updatedAt().isBefore(since))
          .filter(p -> until.map(p.createdAt()::isBefore).orElse(true)).toList();
      Map<String, List<StoredApproval>> approvals = store.approvals(); // once, not once a plan
      List<ObjectNode> records = plans.stream().limit(MAX_RECORDS).map(p -> record(p, s, approvals)).toList();
      return new Answer(records, plans.size() > MAX_RECORDS);
    }).onSuccess(answer -> {
      if (lines) {
        StringBuilder out = new StringBuilder();
        answer.records().forEach(r -> out.append(r).append('\n'));
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson").end(out.toString());
        return;
      }
      ObjectNode root = PlanViews.JSON.createObjectNode();
      root.put("since", since.toString());
      root.put("until", until.map(Object::toString).orElse(null));
      root.put("truncated", answer.truncated());
      ArrayNode list = root.putArray("records");
      answer.records().forEach(list::add);
      HubApi.json(ctx, 200, root);
    }).onFailure(ctx::fail);
  }

  private record Answer(List<ObjectNode> records, boolean truncated) {}

  /** Blocking: the plan's history, approvals, verdicts and dispatches from the store. */
  private ObjectNode record(StoredPlan plan, HubSnapshot s, Map<String, List<StoredApproval>> approvals) {
    return AuditRecord.of(new AuditRecord.Inputs(plan, store.history(plan.id()),
        approvals.getOrDefault(plan.id(), List.of()), store.verdicts(plan.id()),
        store.dispatchAttempts(plan.id()), s.reported().get(plan.entity()),
        Optional.ofNullable(s.reportedAt().get(plan.spoke()))));
  }

  static Instant instant(String name, String text) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw HttpFailure.badRequest(name + "=" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
          + " is not a date (2026-12-01) or an instant (2026-12-01T00:00:00Z)");
    }
  }
}
