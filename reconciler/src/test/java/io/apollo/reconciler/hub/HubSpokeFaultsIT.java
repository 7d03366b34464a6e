package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, faults 5: a spoke that accepts connections and never answers, or answers 500. Its dispatch times out
 * or fails, is retried with backoff, the other spoke gets its plan meanwhile, and {@code /v1/spokes} shows the
 * last dispatch error and the next retry.
 */
class HubSpokeFaultsIT {
  @TempDir Path temp;

  @Test
  void aSpokeThatNeverAnswersTimesOutWithoutHoldingUpTheFleet() throws Exception {
    try (Silent silent = new Silent();
        HubHarness h = HubHarness.start(temp, good -> TestRepo.of(Optional.of(silent.url()), Optional.of(good),
            TestRepo.ALWAYS_OPEN, "P1D"))) {
      // Nothing runs on either spoke: each gets an install of web (no approval needed for installs of web).
      assertThat(h.report("staging-spoke", HubHarness.STAGING_TOKEN, Reports.of("staging-spoke"))).isEqualTo(202);
      assertThat(h.report("prod-spoke", HubHarness.PROD_TOKEN, Reports.of("prod-spoke"))).isEqualTo(202);
      HubClient.eventually("production's plan to reach the spoke that answers", () -> h.spoke.received().stream()
          .filter(p -> p.path("entity").asString().equals("production/web")).findFirst());
      assertThat(silent.connections()).as("staging's push is under way, unanswered").isPositive();
      JsonNode staging = HubClient.eventually("the timeout to show in /v1/spokes", () -> spoke(h, "staging-spoke")
          .filter(s -> s.path("lastDispatchError").isString()));
      assertThat(staging.path("lastDispatchError").asString()).containsIgnoringCase("timeout");
      assertThat(staging.path("nextDispatchRetryAt").isString()).as(staging.toString()).isTrue();
      assertThat(spoke(h, "prod-spoke").orElseThrow().path("lastDispatchError").isNull()).isTrue();
      assertThat(h.client.get("/healthz").status()).isEqualTo(200);
    }
  }

  @Test
  void aSpokeAnswering500IsRetriedWithBackoffAndShown() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<Long> attempts = new CopyOnWriteArrayList<>();
    HttpServer failing = vertx.createHttpServer().requestHandler(request -> {
      attempts.add(System.nanoTime());
      request.response().setStatusCode(500).end("{\"error\":\"internal\",\"message\":\"disk full\"}");
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    try (HubHarness h = HubHarness.start(temp, good -> TestRepo.of(Optional.of("http://127.0.0.1:"
        + failing.actualPort()), Optional.of(good), TestRepo.ALWAYS_OPEN, "P1D"))) {
      assertThat(h.report("staging-spoke", HubHarness.STAGING_TOKEN, Reports.of("staging-spoke"))).isEqualTo(202);
      JsonNode staging = HubClient.eventually("the 500 to show in /v1/spokes", () -> spoke(h, "staging-spoke")
          .filter(s -> s.path("lastDispatchError").isString()));
      assertThat(staging.path("lastDispatchError").asString()).contains("answered 500").contains("disk full");
      HubClient.eventually("three attempts", () -> Optional.of(attempts.size()).filter(n -> n >= 3));
      assertThat(h.client.text("/metrics")).contains("apollo_dispatch_failures_total");
      assertThat(h.report("prod-spoke", HubHarness.PROD_TOKEN, Reports.of("prod-spoke"))).isEqualTo(202);
      HubClient.eventually("production's plan to reach the spoke that answers", () -> h.spoke.received().stream()
          .filter(p -> p.path("entity").asString().equals("production/web")).findFirst());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static Optional<JsonNode> spoke(HubHarness h, String name) {
    return h.client.get("/v1/spokes").body().path("spokes").values().stream()
        .filter(s -> s.path("name").asString().equals(name)).findFirst();
  }

  /** A spoke that accepts connections, reads nothing and never answers. */
  private static final class Silent implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor = Thread.ofVirtual().start(() -> {
      while (!server.isClosed()) {
        try {
          held.add(server.accept());
        } catch (IOException e) {
          return;
        }
      }
    });

    Silent() throws IOException {}

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    int connections() {
      return held.size();
    }

    @Override
    public void close() throws Exception {
      server.close();
      for (Socket s : held) {
        s.close();
      }
      acceptor.join(5_000);
    }
  }
}
