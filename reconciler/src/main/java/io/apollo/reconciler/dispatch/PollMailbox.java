package io.apollo.reconciler.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Long polls of spokes that have no url (DESIGN.md section 5): a poll answers at once when plans wait for the
 * spoke, else waits until a reconcile pass hands it one or {@code wait} runs out (then an empty answer). Which
 * plans wait is the caller's {@code plansOf} (the published snapshot's DISPATCHED plans of that spoke: a plan stays
 * in the answer until a report names it). Answers are completed on the poller's own context.
 */
public final class PollMailbox {
  private final Vertx vertx;
  private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();

  private record Waiter(Context context, Promise<List<String>> promise) {}

  public PollMailbox(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Call on the poll's event loop. {@code plansOf} gives the JSON of the plans waiting for a spoke. */
  public Future<List<String>> poll(String spoke, Duration wait, Function<String, List<String>> plansOf) {
    List<String> now = plansOf.apply(spoke);
    if (!now.isEmpty() || wait.isZero()) {
      return Future.succeededFuture(now);
    }
    Waiter waiter = new Waiter(vertx.getOrCreateContext(), Promise.promise());
    waiters.computeIfAbsent(spoke, s -> new CopyOnWriteArrayList<>()).add(waiter);
    long timer = vertx.setTimer(wait.toMillis(), t -> waiter.promise().tryComplete(List.of()));
    // A pass may have published between the first look and the waiter being listed: look again.
    List<String> meanwhile = plansOf.apply(spoke);
    if (!meanwhile.isEmpty()) {
      waiter.promise().tryComplete(meanwhile);
    }
    return waiter.promise().future().andThen(done -> {
      vertx.cancelTimer(timer);
      List<Waiter> list = waiters.get(spoke);
      if (list != null) {
        list.remove(waiter);
      }
    });
  }

  /** After a pass: answers every waiting poll of a spoke that now has plans. Safe from any thread. */
  public void publish(Function<String, List<String>> plansOf) {
    waiters.forEach((spoke, list) -> {
      List<String> plans = plansOf.apply(spoke);
      if (!plans.isEmpty()) {
        for (Waiter w : list) {
          w.context().runOnContext(v -> w.promise().tryComplete(plans));
        }
      }
    });
  }
}
