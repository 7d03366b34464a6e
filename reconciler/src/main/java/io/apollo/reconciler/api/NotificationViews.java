package io.apollo.reconciler.api;

import io.apollo.reconciler.notify.OutboxStatus;
import io.apollo.reconciler.store.NotificationDelivery;
import io.apollo.reconciler.store.NotificationDelivery.DeliveryState;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The notification outbox as {@code /v1/status} shows it: counts by state and the latest dead letters. */
final class NotificationViews {
  private NotificationViews() {}

  static ObjectNode outbox(ObjectNode out, OutboxStatus status) {
    out.put("pending", status.count(DeliveryState.PENDING));
    out.put("delivered", status.count(DeliveryState.DELIVERED));
    out.put("dead", status.count(DeliveryState.DEAD));
    ArrayNode dead = out.putArray("deadLetters");
    for (NotificationDelivery d : status.deadLetters()) {
      ObjectNode o = dead.addObject();
      o.put("id", d.id());
      o.put("notification", d.notification());
      o.put("event", d.event());
      o.put("planId", d.subject());
      o.put("attempts", d.attempts());
      String error = d.lastError().orElse("");
      int colon = error.indexOf(':');
      o.put("reason", colon > 0 ? error.substring(0, colon) : "UNKNOWN");
      o.put("message", error);
      o.put("at", d.nextAttemptAt().toString());
    }
    return out;
  }
}
