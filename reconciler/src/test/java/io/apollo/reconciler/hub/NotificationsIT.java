package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.notify.Signature;
import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, notifications: real hub processes, a real HTTP receiver on loopback. Each transition is told once (not
 * once per pass), signed; a receiver that answers 500 then 200 gets it with no duplicate beyond the idempotency key;
 * a hub killed with {@code kill -9} mid-delivery delivers after restart; a delivery that cannot succeed is
 * dead-lettered and shown on {@code /v1/status} and {@code /metrics}; a follower hub on PostgreSQL sends nothing.
 */
class NotificationsIT {
  private static final String SECRET = "s3cret-for-receivers";

  @TempDir Path temp;

  @Test
  void eachTransitionIsDeliveredOnceSignedRetriedAndSurvivesKillNine() throws Exception {
    try (TestSpoke spoke = new TestSpoke(); NotificationReceiver receiver = new NotificationReceiver()) {
      GitFixture git = repo(spoke, receiver);
      Path secrets = Files.writeString(temp.resolve("notification-secrets"), "# test\nreceiver " + SECRET + "\n");
      Path tokens = Files.writeString(temp.resolve("spoke-tokens"), "staging-spoke tok-staging\nprod-spoke tok-prod\n");
      List<String> args = List.of("--repo", git.remote().toString(), "--data-dir", temp.resolve("hub").toString(),
          "--spoke-tokens", tokens.toString(), "--port", "0", "--poll-interval", "500ms",
          "--notification-secrets", secrets.toString(), "--notification-attempts", "3");
      Path log = temp.resolve("hub.log");
      receiver.mode(NotificationReceiver.Mode.FAIL_FIRST);
      String planId;
      try (HubProcess hub = HubProcess.start(log, args)) {
        HubClient client = new HubClient(hub.url());
        report(client, "staging-spoke", "tok-staging", Reports.of("staging-spoke"));
        report(client, "prod-spoke", "tok-prod", Reports.of("prod-spoke")
            .running("production/web", "com.example:web", "1.0.0")
            .running("production/ledger", "com.example:ledger", "2.0.0"));
        JsonNode plan = HubClient.eventually("the staging install to be dispatched", () -> client.get("/v1/plans")
            .body().path("plans").values().stream().filter(p -> p.path("entity").asString().equals("staging/web")
                && p.path("state").asString().equals("DISPATCHED")).findFirst());
        planId = plan.path("id").asString();
        report(client, "staging-spoke", "tok-staging", Reports.of("staging-spoke").entity("staging/web",
            "com.example:web", "1.0.0", "RUNNING", "HEALTHY", planId, "SUCCEEDED", "1.0.0"));
        client.awaitState(planId, "SUCCEEDED");
        List<String> events = List.of("plan.approved", "plan.dispatched", "plan.succeeded");
        HubClient.eventually("three events delivered", Duration.ofSeconds(30), () -> Optional.of(accepted(receiver))
            .filter(a -> a.size() == 3));
        // Passes go on (a poll every 500 ms, reports): nothing is told again.
        long pass = client.get("/v1/status").body().path("pass").asLong();
        report(client, "staging-spoke", "tok-staging", Reports.of("staging-spoke").entity("staging/web",
            "com.example:web", "1.0.0", "RUNNING", "HEALTHY", planId, "SUCCEEDED", "1.0.0"));
        HubClient.eventually("four more passes", () -> Optional.of(client.get("/v1/status").body())
            .filter(s -> s.path("pass").asLong() >= pass + 4));

        List<NotificationReceiver.Received> all = receiver.received();
        assertThat(all.stream().map(NotificationReceiver.Received::event).toList())
            .as("each event tried twice (500, then 200), nothing more").containsExactlyInAnyOrder(
                "plan.approved", "plan.approved", "plan.dispatched", "plan.dispatched", "plan.succeeded",
                "plan.succeeded");
        Map<String, List<Integer>> byId = all.stream().collect(Collectors.groupingBy(
            NotificationReceiver.Received::delivery, Collectors.mapping(NotificationReceiver.Received::answered,
                Collectors.toList())));
        assertThat(byId).as("three idempotency keys, each 500 then 200").hasSize(3)
            .allSatisfy((id, answers) -> assertThat(answers).containsExactly(500, 200));
        for (NotificationReceiver.Received r : all) {
          assertThat(r.signature()).as("signature of %s", r.event())
              .isEqualTo(Signature.of(SECRET, r.body().getBytes(StandardCharsets.UTF_8)));
          assertThat(r.json().path("id").asString()).isEqualTo(r.delivery());
          assertThat(r.json().path("plan").path("id").asString()).isEqualTo(planId);
          assertThat(r.json().path("entity").asString()).isEqualTo("staging/web");
        }
        assertThat(accepted(receiver).stream().map(NotificationReceiver.Received::event).toList())
            .containsExactlyInAnyOrderElementsOf(events);

        // Kill -9 while the receiver holds the delivery of a new proposal.
        receiver.mode(NotificationReceiver.Mode.HOLD);
        git.commitAndPush(GitFixture.BOB, "Production web to 1.1.0", Map.of("entities/production.yaml",
            TestRepo.entity("production", "web", "com.example:web", "1.1.0") + "---\n"
                + TestRepo.entity("production", "ledger", "com.example:ledger", "2.0.0")));
        HubClient.eventually("the proposal's delivery to be under way", Duration.ofSeconds(30), () -> receiver
            .received().stream().filter(r -> r.event().equals("plan.proposed")).findFirst());
        hub.kill();
      }
      NotificationReceiver.Received held = receiver.received().stream()
          .filter(r -> r.event().equals("plan.proposed")).findFirst().orElseThrow();
      receiver.release();
      try (HubProcess hub = HubProcess.start(log, args)) {
        HubClient client = new HubClient(hub.url());
        NotificationReceiver.Received delivered = HubClient.eventually("the held proposal to be delivered after"
            + " the restart", Duration.ofSeconds(30), () -> accepted(receiver).stream()
            .filter(r -> r.event().equals("plan.proposed")).findFirst());
        assertThat(delivered.delivery()).as("the same idempotency key").isEqualTo(held.delivery());
        assertThat(delivered.body()).isEqualTo(held.body());
        JsonNode proposal = delivered.json();
        assertThat(proposal.path("entity").asString()).isEqualTo("production/web");
        assertThat(proposal.path("plan").path("missingRoles").size()).as("the roles it waits for").isPositive();

        // The unreachable target (selected for production) and the one whose secret is missing are dead letters.
        JsonNode status = HubClient.eventually("two dead letters", Duration.ofSeconds(30), () -> Optional.of(
            client.get("/v1/status").body().path("notifications")).filter(n -> n.path("dead").asLong() == 2));
        Set<String> reasons = status.path("deadLetters").values().stream()
            .map(d -> d.path("notification").asString() + ":" + d.path("reason").asString())
            .collect(Collectors.toSet());
        assertThat(reasons).containsExactlyInAnyOrder("unreachable:UNREACHABLE", "no-secret:SECRET_MISSING");
        assertThat(status.path("deadLetters").values().stream().filter(d -> d.path("notification").asString()
            .equals("unreachable")).findFirst().orElseThrow().path("attempts").asInt()).isEqualTo(3);
        assertThat(metric(client, "apollo_notifications", "state=\"DEAD\"")).isEqualTo(2.0);
        long pass = client.get("/v1/status").body().path("pass").asLong();
        HubClient.eventually("three more passes", () -> Optional.of(client.get("/v1/status").body())
            .filter(s -> s.path("pass").asLong() >= pass + 3));
        assertThat(accepted(receiver)).as("nothing told twice across the restart").hasSize(4)
            .extracting(NotificationReceiver.Received::delivery).doesNotHaveDuplicates();

        // RUNNING to DEGRADED is told once, however many reports and passes say it again.
        Reports unhealthy = Reports.of("staging-spoke").entity("staging/web", "com.example:web", "1.0.0", "RUNNING",
            "UNHEALTHY", planId, "SUCCEEDED", "1.0.0");
        report(client, "staging-spoke", "tok-staging", unhealthy);
        NotificationReceiver.Received degraded = HubClient.eventually("entity.degraded delivered", Duration
            .ofSeconds(30), () -> accepted(receiver).stream().filter(r -> r.event().equals("entity.degraded"))
            .findFirst());
        assertThat(degraded.json().path("entity").asString()).isEqualTo("staging/web");
        assertThat(degraded.json().path("report").path("health").asString()).isEqualTo("UNHEALTHY");
        report(client, "staging-spoke", "tok-staging", unhealthy);
        long later = client.get("/v1/status").body().path("pass").asLong();
        HubClient.eventually("three more passes", () -> Optional.of(client.get("/v1/status").body())
            .filter(s -> s.path("pass").asLong() >= later + 3));
        assertThat(accepted(receiver).stream().filter(r -> r.event().equals("entity.degraded"))).hasSize(1);
        hub.kill();
      }
    }
  }

  @Test
  void aFollowerHubOnPostgresqlSendsNothing() throws Exception {
    try (TestSpoke spoke = new TestSpoke(); NotificationReceiver receiver = new NotificationReceiver()) {
      GitFixture git = repo(spoke, receiver);
      Path secrets = Files.writeString(temp.resolve("notification-secrets"), "receiver " + SECRET + "\n");
      Path tokens = Files.writeString(temp.resolve("spoke-tokens"), "staging-spoke tok-staging\nprod-spoke tok-prod\n");
      String db = TestPostgres.newDatabase();
      Path log = temp.resolve("hubs.log");
      List<HubProcess> hubs = new ArrayList<>();
      try {
        for (String name : List.of("hub-a", "hub-b")) {
          hubs.add(HubProcess.start(log, List.of("--repo", git.remote().toString(), "--data-dir",
              temp.resolve(name).toString(), "--spoke-tokens", tokens.toString(), "--port", "0",
              "--poll-interval", "1s", "--db", db, "--notification-secrets", secrets.toString())));
        }
        int leaderIndex = HubClient.eventually("one hub to lead", Duration.ofSeconds(20), () -> {
          for (int i = 0; i < hubs.size(); i++) {
            if (new HubClient(hubs.get(i).url()).get("/healthz").body().path("role").asString().equals("leader")) {
              return Optional.of(i);
            }
          }
          return Optional.empty();
        });
        HubClient leader = new HubClient(hubs.get(leaderIndex).url());
        HubClient follower = new HubClient(hubs.get(1 - leaderIndex).url());
        report(leader, "staging-spoke", "tok-staging", Reports.of("staging-spoke"));
        HubClient.eventually("approved and dispatched delivered", Duration.ofSeconds(30), () -> Optional.of(
            accepted(receiver)).filter(a -> a.size() == 2));
        HubClient.eventually("the follower to read the outbox", () -> Optional.of(follower.get("/v1/status").body()
            .path("notifications")).filter(n -> n.path("delivered").asLong() == 2));
        long pass = leader.get("/v1/status").body().path("pass").asLong();
        HubClient.eventually("three more passes", () -> Optional.of(leader.get("/v1/status").body())
            .filter(s -> s.path("pass").asLong() >= pass + 3));
        assertThat(receiver.received()).extracting(NotificationReceiver.Received::delivery)
            .as("each delivered once, by one hub").hasSize(2).doesNotHaveDuplicates();
        assertThat(follower.text("/metrics")).as("the follower has the meter").contains(
            "apollo_notification_attempts_total");
        assertThat(metric(follower, "apollo_notification_attempts_total")).as("the follower tried none")
            .isEqualTo(0.0);
        assertThat(metric(leader, "apollo_notification_attempts_total")).as("the leader sent them").isEqualTo(2.0);
      } finally {
        for (HubProcess hub : hubs) {
          hub.close();
        }
      }
    }
  }

  /** The test repository with three notifications: the receiver, an unreachable target, a missing secret. */
  private GitFixture repo(TestSpoke spoke, NotificationReceiver receiver) throws Exception {
    Path desired = TestRepo.open(spoke.url()).writeTo(temp.resolve("desired"));
    Files.createDirectories(desired.resolve("notifications"));
    Files.writeString(desired.resolve("notifications/all.yaml"), """
        apiVersion: apollo/v1
        kind: Notification
        metadata:
          name: receiver
        spec:
          events: [plan.proposed, plan.blocked, plan.approved, plan.dispatched, plan.succeeded, plan.failed,
            entity.degraded]
          webhook:
            url: %s
            secretRef: receiver
        ---
        apiVersion: apollo/v1
        kind: Notification
        metadata:
          name: unreachable
        spec:
          events: [plan.proposed]
          selector:
            environments: [production]
          webhook:
            url: http://127.0.0.1:1/nothing-listens-here
            secretRef: receiver
        ---
        apiVersion: apollo/v1
        kind: Notification
        metadata:
          name: no-secret
        spec:
          events: [plan.approved]
          selector:
            environments: [staging]
          webhook:
            url: %s
            secretRef: not-in-the-file
        """.formatted(receiver.url("/apollo"), receiver.url("/never")));
    return GitFixture.fromFolder(temp, desired);
  }

  private static List<NotificationReceiver.Received> accepted(NotificationReceiver receiver) {
    return receiver.received().stream().filter(r -> r.answered() == 200).toList();
  }

  private static void report(HubClient client, String spoke, String token, Reports report) {
    int status = HubClient.eventually("a report of " + spoke + " taken", () -> {
      int s = client.report(spoke, token, report.json()).status();
      return s == 503 ? Optional.empty() : Optional.of(s);
    });
    assertThat(status).isEqualTo(202);
  }

  private static double metric(HubClient client, String name) {
    return metric(client, name, "");
  }

  /** The sum of the samples of {@code name} whose line contains {@code label}. */
  private static double metric(HubClient client, String name, String label) {
    return client.text("/metrics").lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .filter(l -> l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
