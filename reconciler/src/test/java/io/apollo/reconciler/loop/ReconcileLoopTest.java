package io.apollo.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.hub.HubClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One pass at a time; triggers arriving during a pass coalesce into exactly one more. */
class ReconcileLoopTest {
  @Test
  void triggersDuringAPassCoalesceIntoOneMorePass() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<String> reasons = new CopyOnWriteArrayList<>();
    ReconcileLoop.Pass pass = (number, why) -> {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      reasons.add(why);
      if (number == 1) {
        firstStarted.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      running.decrementAndGet();
      return HubSnapshot.empty(Instant.now());
    };
    List<HubSnapshot> published = new CopyOnWriteArrayList<>();
    try (ReconcileLoop loop = new ReconcileLoop(pass, Clock.systemUTC(), Duration.ofHours(1), published::add)) {
      loop.start();
      assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 5; i++) {
        loop.trigger("report " + i);
      }
      release.countDown();
      HubClient.eventually("the coalesced pass", () -> Optional.of(reasons.size()).filter(n -> n == 2));
      loop.trigger("afterwards");
      HubClient.eventually("a pass for the later trigger", () -> Optional.of(reasons.size()).filter(n -> n == 3));
    }
    assertThat(reasons).containsExactly("start", "report 0, report 1, report 2, report 3, report 4", "afterwards");
    assertThat(mostAtOnce.get()).isEqualTo(1);
    assertThat(published).hasSize(3);
  }
}
