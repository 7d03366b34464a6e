package io.apollo.reconciler.reportload;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of the reports benchmark, a process of its own: {@code connections} keep-alive HTTP/1.1
 * connections, each with one report in flight at a time (a closed loop: the next is sent when the answer comes),
 * spokes taken in turn. Runs {@code warmup} seconds unmeasured, then {@code seconds} measured, and prints one line:
 * {@code RESULT ok=<n> errors=<n> rate=<reports/s> p50=<ms> p99=<ms> statuses=<status=count,...>}.
 *
 * <p>Modes: {@code changed} alternates each spoke's health from one report to its next, so every report says
 * something new; {@code repeat} sends the same health every time, so only the times differ.
 *
 * <p>Usage: {@code ReportLoad URL PLAN-FILE MODE CONNECTIONS WARMUP-SECONDS SECONDS}
 */
public final class ReportLoad {
  private final HttpClient client;
  private final URI url;
  private final FleetPlan fleet;
  private final boolean changed;
  private final AtomicInteger next = new AtomicInteger();
  private final int[] variants;
  private volatile boolean measuring;
  private volatile long stopAt;
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private long[] latencies = new long[1 << 16];
  private int count;

  private ReportLoad(HttpClient client, URI url, FleetPlan fleet, boolean changed) {
    this.client = client;
    this.url = url;
    this.fleet = fleet;
    this.changed = changed;
    this.variants = new int[fleet.spokes().size()];
  }

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    FleetPlan fleet = FleetPlan.read(Path.of(args[1]));
    boolean changed = switch (args[2]) {
      case "changed" -> true;
      case "repeat" -> false;
      default -> throw new IllegalArgumentException("mode is changed or repeat, not " + args[2]);
    };
    int connections = Integer.parseInt(args[3]);
    long warmup = Long.parseLong(args[4]);
    long seconds = Long.parseLong(args[5]);
    Vertx vertx = Vertx.vertx();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
        .setDefaultHost(url.getHost()).setDefaultPort(url.getPort()), new PoolOptions().setHttp1MaxSize(connections));
    ReportLoad load = new ReportLoad(client, url, fleet, changed);
    System.out.println(load.run(connections, warmup, seconds));
    System.out.flush();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String run(int connections, long warmup, long seconds) throws InterruptedException {
    long start = System.nanoTime();
    stopAt = start + TimeUnit.SECONDS.toNanos(warmup + seconds);
    CountDownLatch done = new CountDownLatch(connections);
    for (int i = 0; i < connections; i++) {
      loop(done);
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    synchronized (this) {
      measuring = true;
    }
    long measuredFrom = System.nanoTime();
    done.await(seconds + 60, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
    synchronized (this) {
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      return String.format("RESULT ok=%d errors=%d rate=%.0f p50=%.2f p99=%.2f statuses=%s", ok.get(), errors.get(),
          ok.get() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), statuses);
    }
  }

  /** One connection's closed loop: send, wait for the answer, record it, send the next until time is up. */
  private void loop(CountDownLatch done) {
    if (System.nanoTime() >= stopAt) {
      done.countDown();
      return;
    }
    int index = Math.floorMod(next.getAndIncrement(), fleet.spokes().size());
    FleetPlan.Spoke spoke = fleet.spokes().get(index);
    int variant = changed ? ++variants[index] : 0;
    Buffer body = Buffer.buffer(FleetPlan.report(spoke, Instant.now().toString(), variant));
    long sent = System.nanoTime();
    client.request(new RequestOptions().setMethod(HttpMethod.POST)
            .setURI("/v1/spokes/" + spoke.name() + "/reports")
            .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + spoke.token())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"))
        .compose(request -> request.send(body))
        .compose(response -> response.body().map(ignored -> response.statusCode()))
        .transform(result -> {
          record(result.succeeded() ? result.result() : -1, System.nanoTime() - sent);
          return Future.succeededFuture();
        })
        .onComplete(ignored -> loop(done));
  }

  private synchronized void record(int status, long nanos) {
    if (!measuring || System.nanoTime() > stopAt) {
      return;
    }
    statuses.merge(status, 1, Integer::sum);
    if (status == 202) {
      ok.incrementAndGet();
    } else {
      errors.incrementAndGet();
    }
    if (count == latencies.length) {
      latencies = Arrays.copyOf(latencies, count * 2);
    }
    latencies[count++] = nanos;
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
  }
}
