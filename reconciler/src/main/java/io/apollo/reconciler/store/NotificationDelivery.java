package io.apollo.reconciler.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event for one notification target, as the outbox keeps it: written in the transaction that records the
 * transition it tells of, then delivered at least once. {@code id} is the idempotency key the receiver sees
 * ({@code X-Apollo-Delivery}); {@code target} is {@code webhook} or {@code slack}; {@code url} is the webhook's
 * URL (empty for Slack, whose URL is itself the secret named {@code secretRef}); {@code body} the event JSON.
 */
public record NotificationDelivery(String id, String notification, String event, String subject, String target,
    String url, String secretRef, String body, Instant createdAt, int attempts, Instant nextAttemptAt,
    DeliveryState state, Optional<String> lastError) {
  public NotificationDelivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secretRef, "secretRef");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** A new delivery, due at once. */
  public static NotificationDelivery pending(String id, String notification, String event, String subject,
      String target, String url, String secretRef, String body, Instant at) {
    return new NotificationDelivery(id, notification, event, subject, target, url, secretRef, body, at, 0, at,
        DeliveryState.PENDING, Optional.empty());
  }

  /** Where a delivery stands. */
  public enum DeliveryState {
    /** Not yet taken by the receiver: due at {@code nextAttemptAt}. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every try failed, or it can never succeed (a secret missing): kept, shown, never tried again. */
    DEAD
  }
}
