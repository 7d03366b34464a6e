package io.apollo.reconciler.dispatch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (from 1) wait a random time in
 * {@code [0, min(cap, base * 2^(n-1))]}, so that many plans retried at once do not hit a spoke in step.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {
  public static Backoff defaults() {
    return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15), 8);
  }

  public Duration delayBefore(int retry, RandomGenerator random) {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
    return Duration.ofMillis(random.nextLong(ceiling + 1));
  }
}
