package io.apollo.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static io.apollo.reconciler.hub.HubClient.eventually;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reports wake the reconcile loop at once, then at most once a spacing however many arrive (issue 7). */
class ReportTriggersTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void theFirstChangeWakesTheLoopAtOnceAndAFloodWithinTheSpacingAsksForOneMorePass() {
    List<String> passes = new CopyOnWriteArrayList<>();
    ReportTriggers triggers = new ReportTriggers(vertx, passes::add, Duration.ofMillis(300), Duration.ofSeconds(5),
        () -> Duration.ZERO);
    vertx.runOnContext(v -> {
      triggers.changed("spoke-a");
      for (int i = 0; i < 100; i++) {
        triggers.changed("spoke-" + i);
      }
    });
    eventually("two passes", () -> Optional.of(passes.size()).filter(n -> n >= 2));
    assertThat(passes).containsExactly("report of spoke spoke-a", "report of spoke spoke-0 and 99 more");
    // Nothing more is asked for once the flood is served.
    vertx.setTimer(1_000, id -> triggers.changed("spoke-late"));
    eventually("a third pass", () -> Optional.of(passes.size()).filter(n -> n >= 3));
    assertThat(passes).hasSize(3).last().isEqualTo("report of spoke spoke-late");
  }

  @Test
  void aLongPassWidensTheSpacingToFourTimesItsLength() {
    List<String> passes = new CopyOnWriteArrayList<>();
    long[] secondAt = new long[1];
    ReportTriggers triggers = new ReportTriggers(vertx, why -> {
      passes.add(why);
      if (passes.size() == 2) {
        secondAt[0] = System.nanoTime();
      }
    }, Duration.ofMillis(100), Duration.ofSeconds(5), () -> Duration.ofMillis(300));
    long[] firstAt = new long[1];
    vertx.runOnContext(v -> {
      firstAt[0] = System.nanoTime();
      triggers.changed("spoke-a");
      triggers.changed("spoke-b");
    });
    eventually("two passes", () -> Optional.of(passes.size()).filter(n -> n >= 2));
    assertThat(Duration.ofNanos(secondAt[0] - firstAt[0])).isGreaterThanOrEqualTo(Duration.ofMillis(1_100));
  }

  @Test
  void oneVerySlowPassDoesNotHoldBackReportsLongerThanTheMostSpacing() {
    List<String> passes = new CopyOnWriteArrayList<>();
    ReportTriggers triggers = new ReportTriggers(vertx, passes::add, Duration.ofMillis(100), Duration.ofMillis(500),
        () -> Duration.ofHours(1));
    vertx.runOnContext(v -> {
      triggers.changed("spoke-a");
      triggers.changed("spoke-b");
    });
    eventually("the deferred pass, not two hours later", () -> Optional.of(passes.size()).filter(n -> n >= 2));
    assertThat(passes).containsExactly("report of spoke spoke-a", "report of spoke spoke-b");
  }
}
