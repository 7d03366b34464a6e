package io.apollo.reconciler.api;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Coalesces the reconcile passes that reports ask for: the first report that says something new wakes the loop at
 * once; those that follow within the spacing ask for one more pass at the end of it, however many they are. A pass
 * reads every report stored, so one pass serves all the reports committed before it starts; without the spacing a
 * steady stream of changing reports would keep the loop planning back to back, taking a core from the reports
 * themselves. The spacing is {@link #SPACING}, or {@link #PASS_SHARE} times the last pass when that is longer, so
 * that passes reports ask for keep the loop (and a core) busy at most a quarter of the time, leaving the rest to the
 * reports and the API; but never more than {@link #MOST_SPACING}, so that one slow pass (loading a new commit of a
 * large repository) does not hold back what spokes report. A change a spoke reports after a quiet spacing is planned
 * for at once; under a stream of changes, within the spacing plus a pass (at most 5 s plus a pass).
 *
 * <p>Confined to one Vert.x context (the API verticle's event loop): call {@link #changed} from it only.
 */
final class ReportTriggers {
  /** Least time between two passes that reports ask for. */
  static final Duration SPACING = Duration.ofSeconds(1);
  /**
   * The spacing is at least this many times the last pass: its inverse is the most of the loop's time that passes
   * reports ask for may take (a quarter). Twice (a half) let passes of a loaded fleet take a core of two from the
   * reports that asked for them.
   */
  static final int PASS_SHARE = 4;
  /** Most time between two passes that reports ask for, however long the last pass took. */
  static final Duration MOST_SPACING = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final Consumer<String> trigger;
  private final long spacingMillis;
  private final long mostSpacingMillis;
  private final Supplier<Duration> lastPass;
  private long lastAt = Long.MIN_VALUE / 2;
  private boolean deferred;
  private String deferredFirst = "";
  private int deferredMore;

  /** @param lastPass how long the loop's last pass took */
  ReportTriggers(Vertx vertx, Consumer<String> trigger, Duration spacing, Duration mostSpacing,
      Supplier<Duration> lastPass) {
    this.vertx = vertx;
    this.trigger = trigger;
    this.spacingMillis = spacing.toMillis();
    this.mostSpacingMillis = mostSpacing.toMillis();
    this.lastPass = lastPass;
  }

  /** A report of {@code spoke} said something new and is committed. */
  void changed(String spoke) {
    long now = System.nanoTime() / 1_000_000;
    if (deferred) {
      deferredMore++;
      return;
    }
    long spacing = Math.min(mostSpacingMillis, Math.max(spacingMillis, PASS_SHARE * lastPass.get().toMillis()));
    long wait = lastAt + spacing - now;
    if (wait <= 0) {
      fire("report of spoke " + spoke, now);
      return;
    }
    deferred = true;
    deferredFirst = spoke;
    deferredMore = 0;
    vertx.setTimer(wait, id -> {
      deferred = false;
      fire("report of spoke " + deferredFirst + (deferredMore == 0 ? "" : " and " + deferredMore + " more"),
          System.nanoTime() / 1_000_000);
    });
  }

  private void fire(String why, long now) {
    lastAt = now;
    trigger.accept(why);
  }
}
