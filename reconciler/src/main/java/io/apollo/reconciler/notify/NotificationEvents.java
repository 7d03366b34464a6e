package io.apollo.reconciler.notify;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Notification;
import io.apollo.core.config.NotificationEvent;
import io.apollo.core.config.NotificationTarget;
import io.apollo.core.config.PlanType;
import io.apollo.core.plan.PlanState;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import io.apollo.reconciler.store.NotificationDelivery;
import io.apollo.reconciler.store.PlanEvent;
import io.apollo.reconciler.store.StoredPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which deliveries the transitions of one step of a pass cause: for each history event (a plan entering a state,
 * never a pass that finds it there again), the event it is, and every {@code Notification} of desired state that
 * wants that event about the plan's entity. Pure: the caller writes the deliveries with the events, in one
 * transaction.
 */
public final class NotificationEvents {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private NotificationEvents() {}

  /**
   * The deliveries for {@code events}, each plan read from {@code plans} (as written in the same step).
   */
  public static List<NotificationDelivery> of(List<PlanEvent> events, Map<String, StoredPlan> plans,
      DesiredState desired) {
    List<NotificationDelivery> out = new ArrayList<>();
    if (desired.notifications().isEmpty()) {
      return out;
    }
    for (PlanEvent e : events) {
      StoredPlan plan = plans.get(e.planId());
      if (plan == null) {
        continue;
      }
      JsonNode body = JSON.readTree(plan.body());
      Optional<NotificationEvent> event = eventOf(e.state(), body.path("type").asString(""));
      Optional<Entity> entity = desired.entity(plan.entity());
      if (event.isEmpty() || entity.isEmpty()) {
        continue;
      }
      for (Notification n : desired.notifications()) {
        if (n.wants(event.get(), entity.get())) {
          out.add(delivery(n, event.get(), e, plan, body));
        }
      }
    }
    return out;
  }

  /**
   * Whether the spoke says the entity is degraded: state DEGRADED, or RUNNING while unhealthy. A failed plan is told
   * of by {@code plan.failed}, not here.
   */
  public static boolean degraded(EntityReport report) {
    return report.state() == EntityState.DEGRADED
        || (report.state() == EntityState.RUNNING && report.health() == Health.UNHEALTHY);
  }

  /**
   * The {@code entity.degraded} deliveries for the entities degraded now that were not at the last record
   * ({@code before}).
   */
  public static List<NotificationDelivery> degraded(Set<String> before, ReportedState reported, DesiredState desired,
      Instant at) {
    List<NotificationDelivery> out = new ArrayList<>();
    for (EntityReport r : reported.entities().values()) {
      Optional<Entity> entity = desired.entity(r.entity());
      if (!degraded(r) || before.contains(r.entity().toString()) || entity.isEmpty()) {
        continue;
      }
      for (Notification n : desired.notifications()) {
        if (!n.wants(NotificationEvent.ENTITY_DEGRADED, entity.get())) {
          continue;
        }
        String event = NotificationEvent.ENTITY_DEGRADED.wireName();
        String id = "ev-" + sha256(n.name() + "\n" + r.entity() + "\n" + event + "\n" + at.toEpochMilli())
            .substring(0, 32);
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id);
        json.put("event", event);
        json.put("at", at.toString());
        json.put("notification", n.name());
        json.put("entity", r.entity().toString());
        json.put("reason", "DEGRADED");
        json.put("message", r.message().isEmpty() ? "spoke " + entity.get().spoke() + " reports " + r.entity()
            + " " + r.state().name() + ", health " + r.health().name() : r.message());
        ObjectNode report = json.putObject("report");
        report.put("version", r.version().map(Object::toString).orElse(null));
        report.put("state", r.state().name());
        report.put("health", r.health().name());
        report.put("lastPlanId", r.lastPlanId().orElse(null));
        report.put("observedAt", r.observedAt().toString());
        out.add(target(n, id, event, r.entity().toString(), json.toString(), at));
      }
    }
    return out;
  }

  /**
   * The seam for {@code rollout.halted}: the deliveries telling that a health-gated rollout of {@code entity} halted,
   * for every notification that wants the event about that entity. Nothing halts a rollout yet (health-gated
   * rollouts are issue 16); the one that halts it writes these with the transition that records the halt
   * ({@link io.apollo.reconciler.store.HubStore#save(List, List, List)}), so that it too is told once.
   *
   * @param rollout the rollout's name, part of the idempotency key
   * @param reason a machine reason such as {@code HEALTH_GATE_FAILED}
   */
  public static List<NotificationDelivery> rolloutHalted(String rollout, EntityId entity, String reason,
      String message, DesiredState desired, Instant at) {
    List<NotificationDelivery> out = new ArrayList<>();
    Optional<Entity> known = desired.entity(entity);
    if (known.isEmpty()) {
      return out;
    }
    String event = NotificationEvent.ROLLOUT_HALTED.wireName();
    for (Notification n : desired.notifications()) {
      if (n.wants(NotificationEvent.ROLLOUT_HALTED, known.get())) {
        String id = "ev-" + sha256(n.name() + "\n" + rollout + "\n" + entity + "\n" + event + "\n"
            + at.toEpochMilli()).substring(0, 32);
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id);
        json.put("event", event);
        json.put("at", at.toString());
        json.put("notification", n.name());
        json.put("entity", entity.toString());
        json.put("rollout", rollout);
        json.put("reason", reason);
        json.put("message", message);
        out.add(target(n, id, event, rollout, json.toString(), at));
      }
    }
    return out;
  }

  private static NotificationDelivery target(Notification n, String id, String event, String subject, String body,
      Instant at) {
    return switch (n.target()) {
      case NotificationTarget.Webhook w -> NotificationDelivery.pending(id, n.name(), event, subject, "webhook",
          w.url().toString(), w.secretRef(), body, at);
      case NotificationTarget.Slack s -> NotificationDelivery.pending(id, n.name(), event, subject, "slack", "",
          s.urlRef(), body, at);
    };
  }

  /** The event a plan entering {@code state} is; RUNNING, CANCELLED and SUPERSEDED are told of by no event. */
  static Optional<NotificationEvent> eventOf(PlanState state, String planType) {
    return Optional.ofNullable(switch (state) {
      case PENDING -> NotificationEvent.PLAN_PROPOSED;
      case BLOCKED -> NotificationEvent.PLAN_BLOCKED;
      case APPROVED -> NotificationEvent.PLAN_APPROVED;
      case DISPATCHED -> NotificationEvent.PLAN_DISPATCHED;
      case SUCCEEDED -> PlanType.ROLLBACK.wireName().equals(planType)
          ? NotificationEvent.PLAN_ROLLED_BACK : NotificationEvent.PLAN_SUCCEEDED;
      case FAILED -> NotificationEvent.PLAN_FAILED;
      case RUNNING, CANCELLED, SUPERSEDED -> null;
    });
  }

  private static NotificationDelivery delivery(Notification n, NotificationEvent event, PlanEvent e,
      StoredPlan plan, JsonNode body) {
    // The same transition told to the same notification always has the same key, so a retry is recognisable.
    String id = "ev-" + sha256(n.name() + "\n" + plan.id() + "\n" + event.wireName() + "\n" + e.at().toEpochMilli())
        .substring(0, 32);
    ObjectNode json = JSON.createObjectNode();
    json.put("id", id);
    json.put("event", event.wireName());
    json.put("at", e.at().toString());
    json.put("notification", n.name());
    json.put("entity", plan.entity().toString());
    json.put("reason", e.reason());
    json.put("message", e.message());
    ObjectNode p = json.putObject("plan");
    p.put("id", plan.id());
    p.put("state", e.state().name());
    for (String field : List.of("type", "product", "spoke", "fromVersion", "toVersion", "computedFrom", "branch",
        "path", "unblocksAt")) {
      p.set(field, body.path(field).isMissingNode() ? null : body.get(field));
    }
    p.set("requiredRoles", body.path("requiredRoles").isMissingNode() ? JSON.createArrayNode()
        : body.get("requiredRoles"));
    p.set("missingRoles", body.path("missingRoles").isMissingNode() ? JSON.createArrayNode()
        : body.get("missingRoles"));
    p.set("violations", body.path("violations").isMissingNode() ? JSON.createArrayNode() : body.get("violations"));
    return target(n, id, event.wireName(), plan.id(), json.toString(), e.at());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
