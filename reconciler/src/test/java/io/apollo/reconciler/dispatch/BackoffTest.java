package io.apollo.reconciler.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysGrowExponentiallyWithinTheCapAndAreJittered() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 8);
    SplittableRandom random = new SplittableRandom(7);
    for (int retry = 1; retry <= 10; retry++) {
      long ceiling = Math.min(2000, 100L << (retry - 1));
      for (int i = 0; i < 50; i++) {
        assertThat(backoff.delayBefore(retry, random).toMillis()).isBetween(0L, ceiling);
      }
    }
    long distinct = java.util.stream.IntStream.range(0, 50)
        .mapToLong(i -> backoff.delayBefore(5, random).toMillis()).distinct().count();
    assertThat(distinct).as("jitter spreads retries").isGreaterThan(10);
  }
}
