package io.apollo.reconciler.notify;

import io.apollo.reconciler.store.NotificationDelivery;
import io.apollo.reconciler.store.NotificationDelivery.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What one attempt makes of a delivery (decided apart from doing it): delivered on a 2xx; else tried again after a
 * backoff with jitter, until {@code maxAttempts} tries are spent, then dead-lettered. Pure.
 */
record DeliveryOutcome(int maxAttempts, Duration base, Duration cap) {
  static DeliveryOutcome defaults(int maxAttempts) {
    return new DeliveryOutcome(maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(5));
  }

  NotificationDelivery delivered(NotificationDelivery d, Instant now) {
    return with(d, d.attempts() + 1, now, DeliveryState.DELIVERED, Optional.empty());
  }

  /** A try that failed for {@code why}; {@code terminal} when no retry can help (a secret missing). */
  NotificationDelivery failed(NotificationDelivery d, Instant now, String why, boolean terminal,
      RandomGenerator random) {
    int attempts = d.attempts() + 1;
    if (terminal || attempts >= maxAttempts) {
      return with(d, attempts, now, DeliveryState.DEAD, Optional.of(why + (terminal ? "" : " (after " + attempts
          + " tries; dead-lettered)")));
    }
    return with(d, attempts, now.plus(delayAfter(attempts, random)), DeliveryState.PENDING, Optional.of(why));
  }

  /** Half the exponential step fixed, half random: retries spread out, yet never come at once. */
  Duration delayAfter(int attempts, RandomGenerator random) {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempts - 1, 20));
    return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
  }

  private static NotificationDelivery with(NotificationDelivery d, int attempts, Instant next, DeliveryState state,
      Optional<String> error) {
    return new NotificationDelivery(d.id(), d.notification(), d.event(), d.subject(), d.target(), d.url(),
        d.secretRef(), d.body(), d.createdAt(), attempts, next, state, error);
  }
}
