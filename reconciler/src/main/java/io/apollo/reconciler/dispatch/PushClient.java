package io.apollo.reconciler.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes plans to spokes that have a url: {@code POST {url}/v1/plans} with the spoke's bearer token. 202 (taken) and
 * 200 (the spoke already has it) acknowledge; anything else, or no answer within the timeout, is retried with
 * {@link Backoff} until it is acknowledged or the attempts run out (the next reconcile pass then tries again).
 * At-least-once: the spoke deduplicates by plan id. One send per plan at a time.
 */
public final class PushClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushClient.class);
  /** How long one push waits for an answer unless told otherwise. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

  private final Vertx vertx;
  private final WebClient client;
  private final Function<String, Optional<String>> tokens;
  private final Backoff backoff;
  private final Set<String> sending = ConcurrentHashMap.newKeySet();
  /** Plans a spoke acknowledged while this hub runs (the store keeps them across restarts). */
  private final Set<String> taken = ConcurrentHashMap.newKeySet();
  private final Map<String, SpokeDispatch> bySpoke = new ConcurrentHashMap<>();
  private final AttemptListener listener;
  private final Clock clock;
  private final long timeoutMillis;

  /** Told of every attempt (retries included); must not block. */
  @FunctionalInterface
  public interface AttemptListener {
    AttemptListener NONE = (spoke, acknowledged) -> {};

    void attempted(String spoke, boolean acknowledged);
  }

  /** @param tokens the bearer token of each spoke, by name */
  public PushClient(Vertx vertx, Function<String, Optional<String>> tokens, Backoff backoff) {
    this(vertx, tokens, backoff, AttemptListener.NONE, Clock.systemUTC(), DEFAULT_TIMEOUT_MILLIS);
  }

  /**
   * @param listener told of every attempt, for metrics
   * @param timeoutMillis how long one attempt may wait for an answer (a spoke that accepts and never answers)
   */
  public PushClient(Vertx vertx, Function<String, Optional<String>> tokens, Backoff backoff,
      AttemptListener listener, Clock clock, long timeoutMillis) {
    this.vertx = vertx;
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000));
    this.tokens = tokens;
    this.backoff = backoff;
    this.listener = listener;
    this.clock = clock;
    this.timeoutMillis = timeoutMillis;
  }

  /** How pushing to {@code spoke} went lately; empty before the first attempt since the hub started. */
  public Optional<SpokeDispatch> lately(String spoke) {
    return Optional.ofNullable(bySpoke.get(spoke));
  }

  /** The outcome of one send: acknowledged or not, and what happened in words. */
  public record Outcome(String planId, String spoke, boolean acknowledged, String detail) {}

  /**
   * Sends unless a send of this plan is under way or a spoke took it already; {@code record} is given the outcome
   * (acknowledged or given up) and the plan counts as being sent until what it returns completes, so that a pass
   * reading the store meanwhile never sends it again. Empty when nothing was sent.
   */
  public Optional<Future<Outcome>> send(String planId, String spoke, URI url, String body,
      Function<Outcome, Future<?>> record) {
    if (taken.contains(planId) || !sending.add(planId)) {
      return Optional.empty();
    }
    String target = url.toString().replaceAll("/+$", "") + "/v1/plans";
    return Optional.of(attempt(planId, spoke, target, body, 1)
        .andThen(done -> {
          if (done.succeeded() && done.result().acknowledged()) {
            taken.add(planId);
          }
        })
        .compose(outcome -> record.apply(outcome).transform(recorded -> Future.succeededFuture(outcome)))
        .andThen(done -> sending.remove(planId)));
  }

  private Future<Outcome> attempt(String planId, String spoke, String target, String body, int attempt) {
    Optional<String> token = tokens.apply(spoke);
    if (token.isEmpty()) {
      return Future.succeededFuture(new Outcome(planId, spoke, false,
          "no token for spoke " + spoke + " in --spoke-tokens: add a line '" + spoke + " <token>'"));
    }
    return client.postAbs(target)
        .putHeader("Authorization", "Bearer " + token.get())
        .putHeader("Content-Type", "application/json")
        .timeout(timeoutMillis)
        .sendBuffer(Buffer.buffer(body))
        .map(response -> judge(planId, spoke, target, response))
        .recover(failure -> Future.succeededFuture(
            new Outcome(planId, spoke, false, "POST " + target + " failed: " + failure.getMessage())))
        .compose(outcome -> {
          listener.attempted(spoke, outcome.acknowledged());
          boolean last = outcome.acknowledged() || attempt >= backoff.maxAttempts();
          long delay = last ? 0 : Math.max(1, backoff.delayBefore(attempt, ThreadLocalRandom.current()).toMillis());
          remember(spoke, outcome, last ? Optional.empty() : Optional.of(clock.instant().plusMillis(delay)));
          if (last) {
            return Future.succeededFuture(outcome);
          }
          LOG.info("Plan {} not taken by spoke {} (attempt {}): {}; retrying in {} ms", planId, spoke, attempt,
              outcome.detail(), delay);
          return vertx.timer(delay).compose(t -> attempt(planId, spoke, target, body, attempt + 1));
        });
  }

  private void remember(String spoke, Outcome outcome, Optional<java.time.Instant> nextRetry) {
    bySpoke.compute(spoke, (name, before) -> new SpokeDispatch(clock.instant(),
        outcome.acknowledged() ? Optional.empty() : Optional.of(outcome.detail()), nextRetry,
        outcome.acknowledged() ? 0 : (before == null ? 0 : before.failuresInARow()) + 1));
  }

  private static Outcome judge(String planId, String spoke, String target, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    boolean taken = status == 202 || status == 200;
    return new Outcome(planId, spoke, taken, "POST " + target + " answered " + status
        + (taken ? "" : ": " + abbreviate(response.bodyAsString())));
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  @Override
  public void close() {
    client.close();
  }
}
