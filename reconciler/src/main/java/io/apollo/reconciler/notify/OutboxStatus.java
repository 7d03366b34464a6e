package io.apollo.reconciler.notify;

import io.apollo.reconciler.store.NotificationDelivery;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outbox as {@code /v1/status} and {@code /metrics} show it: deliveries by state, the latest dead letters, and
 * how many attempts this hub made and how many of them the receiver refused.
 */
public record OutboxStatus(Map<NotificationDelivery.DeliveryState, Long> counts, List<NotificationDelivery> deadLetters,
    long attempts, long failedAttempts) {
  public OutboxStatus {
    counts = Map.copyOf(counts);
    deadLetters = List.copyOf(deadLetters);
    Objects.requireNonNull(counts, "counts");
  }

  public static OutboxStatus empty() {
    return new OutboxStatus(Map.of(), List.of(), 0, 0);
  }

  public long count(NotificationDelivery.DeliveryState state) {
    return counts.getOrDefault(state, 0L);
  }
}
