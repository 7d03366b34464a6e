package io.apollo.reconciler.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.store.NotificationDelivery;
import io.apollo.reconciler.store.NotificationDelivery.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 17: retries back off with jitter, and a delivery is dead-lettered after its last try or at once. */
class DeliveryOutcomeTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private final DeliveryOutcome outcome = new DeliveryOutcome(3, Duration.ofSeconds(1), Duration.ofSeconds(60));
  private final NotificationDelivery fresh = NotificationDelivery.pending("ev-1", "n", "plan.failed", "pl-1",
      "webhook", "http://127.0.0.1:9/", "r", "{}", NOW);

  @Test
  void aFailedTryIsRetriedLaterUntilTheLastThenDeadLettered() {
    Random random = new Random(17);
    NotificationDelivery once = outcome.failed(fresh, NOW, "HTTP_500: the receiver answered 500", false, random);
    assertThat(once.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(once.attempts()).isEqualTo(1);
    assertThat(once.nextAttemptAt()).isBetween(NOW.plusMillis(500), NOW.plusSeconds(1));
    NotificationDelivery twice = outcome.failed(once, NOW, "HTTP_500", false, random);
    assertThat(twice.nextAttemptAt()).isBetween(NOW.plusSeconds(1), NOW.plusSeconds(2));
    NotificationDelivery dead = outcome.failed(twice, NOW, "HTTP_500", false, random);
    assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).hasValueSatisfying(e -> assertThat(e).contains("after 3 tries"));
  }

  @Test
  void aTerminalFailureIsDeadAtOnceAndASuccessIsDelivered() {
    assertThat(outcome.failed(fresh, NOW, "SECRET_MISSING: x", true, new Random(1)).state())
        .isEqualTo(DeliveryState.DEAD);
    assertThat(outcome.delivered(fresh, NOW).state()).isEqualTo(DeliveryState.DELIVERED);
  }

  @Test
  void theDelayIsCappedAndNeverZero() {
    Random random = new Random(3);
    for (int attempts = 1; attempts < 40; attempts++) {
      assertThat(outcome.delayAfter(attempts, random)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
    }
  }
}
