package io.apollo.reconciler.hub;

import static io.apollo.reconciler.hub.HubHarness.STAGING_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.api.GitWebhookTest;
import io.apollo.reconciler.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, hostile input: reports built to hurt, ids built to escape, a flood of webhooks. Each gets its status
 * and a message, no file is touched, and the hub keeps serving everyone else.
 */
class HubHostileInputIT {
  @TempDir Path temp;

  @Test
  void hostileReportsAreRefusedOneByOneAndTheHubKeepsServing() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open, 1024 * 1024)) {
      assertThat(h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke"))).isEqualTo(202);

      String deep = "{\"spoke\":\"staging-spoke\",\"entities\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
      assertRefused(h.client.report("staging-spoke", STAGING_TOKEN, deep), 400);
      String huge = "{\"spoke\":\"staging-spoke\",\"entities\":[],\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
      assertRefused(h.client.report("staging-spoke", STAGING_TOKEN, huge), 413);
      String unknownField = "{\"spoke\":\"staging-spoke\",\"reportedAt\":\"2026-11-30T12:00:00Z\",\"entities\":[],"
          + "\"rootPassword\":\"hunter2\"}";
      assertRefused(h.client.report("staging-spoke", STAGING_TOKEN, unknownField), 400);
      assertRefused(h.client.report("staging-spoke", STAGING_TOKEN, "[]"), 400);
      assertRefused(h.client.report("staging-spoke", STAGING_TOKEN, ""), 400);

      // 1,000 entities that still run in staging after their definitions were deleted: taken, shown as not desired.
      Reports many = Reports.of("staging-spoke").running("staging/web", "com.example:web", "1.0.0");
      IntStream.range(0, 1_000).forEach(i -> many.running("staging/old-" + i, "com.example:web", "1.0.0"));
      assertThat(h.client.report("staging-spoke", STAGING_TOKEN, many.json()).status()).isEqualTo(202);
      Reports oneTooFar = Reports.of("staging-spoke");
      IntStream.range(0, 999).forEach(i -> oneTooFar.running("staging/old-" + i, "com.example:web", "1.0.0"));
      oneTooFar.running("production/web", "com.example:web", "1.0.0");
      assertRefused(h.client.report("staging-spoke", STAGING_TOKEN, oneTooFar.json()), 403);

      assertThat(h.client.get("/healthz").status()).isEqualTo(200);
      assertThat(h.report("prod-spoke", HubHarness.PROD_TOKEN, Reports.of("prod-spoke")
          .running("production/web", "com.example:web", "1.0.0")
          .running("production/ledger", "com.example:ledger", "2.0.0"))).as("the others are still served")
          .isEqualTo(202);
      assertThat(h.client.get("/v1/entities/staging/web").status()).isEqualTo(200);
    }
  }

  @Test
  void idsThatTryToEscapeAreRefusedAndTouchNoFile() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      HubClient.eventually("a first commit", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("commit").isString()));
      List<String> before = files(temp);
      String longName = "a".repeat(3_000);
      List<String> paths = List.of("/v1/plans/..%2F..%2Fhub.db", "/v1/plans/%2e%2e", "/v1/plans/%2e%2e%2f%2e%2e",
          "/v1/plans/a%00b", "/v1/plans/" + longName, "/v1/entities/%2e%2e/%2e%2e", "/v1/entities/..%2F/hub.db",
          "/v1/entities/staging/web%00", "/v1/entities/staging/" + longName, "/v1/releases?product=..%2F..%3Ax",
          "/v1/plans?entity=..%2F..", "/v1/plans?environment=%00", "/v1/spokes/..%2Fprod-spoke/plans",
          "/v1/spokes/%00/plans", "/v1/spokes/" + longName + "/plans", "/../../etc/passwd", "/v1/../hub.db");
      for (String path : paths) {
        int status = h.client.status(path);
        assertThat(status).as("GET %s", path.length() > 80 ? path.substring(0, 80) + "..." : path)
            .isIn(400, 401, 404);
      }
      // A request line longer than the server reads (4 KiB) is refused by Vert.x itself: a 414, or the connection
      // closed on an HTTP/2 upgrade. Either way no handler runs, and the hub serves the next request.
      int tooLong;
      try {
        tooLong = h.client.status("/v1/plans/" + "b".repeat(20_000));
      } catch (IllegalStateException closed) {
        tooLong = 414;
      }
      assertThat(tooLong).as("a name longer than any request line").isBetween(400, 499);
      for (String spoke : List.of("..%2Fprod-spoke", "%2e%2e", "staging-spoke%00", "a".repeat(3_000))) {
        assertThat(h.client.report(spoke, STAGING_TOKEN, Reports.of("staging-spoke").json()).status())
            .as("report for spoke %s", spoke.length() > 40 ? spoke.substring(0, 40) : spoke).isIn(400, 403, 404);
      }
      assertThat(files(temp)).as("no file made or removed").isEqualTo(before);
      assertThat(h.client.get("/healthz").status()).isEqualTo(200);
    }
  }

  @Test
  void aFloodOfSignedWebhooksCoalescesIntoFewPassesAndFetchesTheNewCommit() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      HubClient.eventually("a first commit", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("commit").isString()));
      String commit = h.git.commitAndPush(GitFixture.BOB, "Staging web to 1.1.0", Map.of("entities/staging.yaml",
          TestRepo.entity("staging", "web", "com.example:web", "1.1.0")));
      long passBefore = h.client.get("/v1/status").body().path("pass").asLong();
      String body = "{\"ref\":\"refs/heads/main\",\"after\":\"" + commit + "\"}";
      String signature = "sha256=" + HexFormat.of().formatHex(GitWebhookTest.hmac(HubHarness.WEBHOOK_SECRET, body));
      try (var pool = Executors.newFixedThreadPool(8)) {
        List<java.util.concurrent.Future<Integer>> answers = IntStream.range(0, 200)
            .mapToObj(i -> pool.submit(() -> h.client.hook(signature, body).status())).toList();
        for (var answer : answers) {
          assertThat(answer.get()).isEqualTo(202);
        }
      }
      long passAfter = h.client.get("/v1/status").body().path("pass").asLong();
      // Hooks that arrive before the pushed commit governs coalesce into the pass running and one more; hooks after it
      // name the governing commit and ask for nothing (a timed poll may add one).
      assertThat(passAfter - passBefore).as("200 webhooks coalesce into a fetch or two").isLessThanOrEqualTo(4);
      HubClient.eventually("the pushed commit to govern", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("commit").asString().equals(commit)));
      String other = body.replace(commit, "0".repeat(40));
      assertThat(h.client.hook(signature, other).status()).as("a signature replayed on another body").isEqualTo(401);
    }
  }

  private static void assertRefused(HubClient.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.body().path("error").asString()).isNotBlank();
    assertThat(answer.body().path("message").asString()).isNotBlank();
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      // The database's journal files come and go with every write: they are the store's, not an escape.
      return walk.map(p -> root.relativize(p).toString()).filter(p -> !p.contains("hub.db-"))
          .filter(p -> !p.contains("repo.git")).sorted().toList();
    }
  }
}
