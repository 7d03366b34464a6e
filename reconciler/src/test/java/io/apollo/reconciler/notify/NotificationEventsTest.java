package io.apollo.reconciler.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.NotificationEvent;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.hub.TestRepo;
import io.apollo.reconciler.store.GitPlace;
import io.apollo.reconciler.store.NotificationDelivery;
import io.apollo.reconciler.store.PlanEvent;
import io.apollo.reconciler.store.StoredPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 17: which transitions are which events, and which notifications want them. */
class NotificationEventsTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path temp;

  static Stream<Arguments> transitions() {
    return Stream.of(
        Arguments.of("a proposal waiting for roles", PlanState.PENDING, "upgrade", "plan.proposed"),
        Arguments.of("held by a window", PlanState.BLOCKED, "upgrade", "plan.blocked"),
        Arguments.of("approved", PlanState.APPROVED, "install", "plan.approved"),
        Arguments.of("handed to the spoke", PlanState.DISPATCHED, "install", "plan.dispatched"),
        Arguments.of("an upgrade that succeeded", PlanState.SUCCEEDED, "upgrade", "plan.succeeded"),
        Arguments.of("a rollback that succeeded", PlanState.SUCCEEDED, "rollback", "plan.rolled_back"),
        Arguments.of("a failure", PlanState.FAILED, "upgrade", "plan.failed"),
        Arguments.of("running: no event", PlanState.RUNNING, "upgrade", null),
        Arguments.of("cancelled: no event", PlanState.CANCELLED, "upgrade", null),
        Arguments.of("superseded: no event", PlanState.SUPERSEDED, "upgrade", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitions")
  void eachTransitionIsOneEventOrNone(String name, PlanState state, String type, String event) {
    assertThat(NotificationEvents.eventOf(state, type).map(NotificationEvent::wireName))
        .isEqualTo(Optional.ofNullable(event));
  }

  @Test
  void onlyNotificationsThatWantTheEventAboutTheEntityGetADeliveryWithAStableKey() throws Exception {
    DesiredState desired = desired("""
        apiVersion: apollo/v1
        kind: Notification
        metadata: {name: prod-only}
        spec:
          events: [plan.proposed]
          selector: {environments: [production]}
          webhook: {url: 'http://127.0.0.1:9/hook', secretRef: r}
        ---
        apiVersion: apollo/v1
        kind: Notification
        metadata: {name: failures}
        spec:
          events: [plan.failed]
          slack: {urlRef: slack}
        """);
    StoredPlan prod = plan("pl-prod", "production/web");
    StoredPlan staging = plan("pl-staging", "staging/web");
    Map<String, StoredPlan> plans = Map.of(prod.id(), prod, staging.id(), staging);
    List<PlanEvent> events = List.of(new PlanEvent("pl-prod", AT, PlanState.PENDING, "NEEDS_APPROVAL", "waits"),
        new PlanEvent("pl-staging", AT, PlanState.PENDING, "NEEDS_APPROVAL", "waits"),
        new PlanEvent("pl-staging", AT, PlanState.FAILED, "SPOKE_FAILED", "it broke"));

    List<NotificationDelivery> out = NotificationEvents.of(events, plans, desired);

    assertThat(out).extracting(d -> d.notification() + " " + d.event() + " " + d.subject())
        .containsExactly("prod-only plan.proposed pl-prod", "failures plan.failed pl-staging");
    assertThat(out.get(0).url()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(out.get(1).target()).isEqualTo("slack");
    assertThat(out.get(1).url()).as("a Slack URL is a secret, never stored").isEmpty();
    assertThat(NotificationEvents.of(events, plans, desired)).extracting(NotificationDelivery::id)
        .as("the same transition, the same key").isEqualTo(out.stream().map(NotificationDelivery::id).toList());
    assertThat(out.get(0).body()).contains("\"missingRoles\":[\"sre\"]").contains("\"event\":\"plan.proposed\"");
    assertThat(NotificationEvents.of(List.of(), plans, desired)).as("no transition, no event").isEmpty();
  }

  @Test
  void anEntityNewlyDegradedIsToldOnceAndOnlyToNotificationsThatWantIt() throws Exception {
    DesiredState desired = desired("""
        apiVersion: apollo/v1
        kind: Notification
        metadata: {name: health}
        spec:
          events: [entity.degraded]
          webhook: {url: 'http://127.0.0.1:9/hook', secretRef: r}
        ---
        apiVersion: apollo/v1
        kind: Notification
        metadata: {name: plans-only}
        spec:
          events: [plan.failed]
          webhook: {url: 'http://127.0.0.1:9/hook', secretRef: r}
        """);
    io.apollo.core.report.ReportedState reported = io.apollo.core.report.ReportedState.of(
        io.apollo.core.report.SpokeReportJson.read("report", io.apollo.reconciler.hub.Reports.of("staging-spoke")
            .entity("staging/web", "com.example:web", "1.0.0", "RUNNING", "UNHEALTHY", null, null, null)
            .json().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    List<NotificationDelivery> first = NotificationEvents.degraded(java.util.Set.of(), reported, desired, AT);
    assertThat(first).extracting(d -> d.notification() + " " + d.event() + " " + d.subject())
        .containsExactly("health entity.degraded staging/web");
    assertThat(NotificationEvents.degraded(java.util.Set.of("staging/web"), reported, desired, AT))
        .as("already recorded degraded: no event").isEmpty();
  }

  @Test
  void theRolloutHaltedSeamBuildsOneDeliveryPerNotificationThatWantsIt() throws Exception {
    DesiredState desired = desired("""
        apiVersion: apollo/v1
        kind: Notification
        metadata: {name: rollouts}
        spec:
          events: [rollout.halted]
          selector: {environments: [production]}
          slack: {urlRef: slack}
        """);
    List<NotificationDelivery> out = NotificationEvents.rolloutHalted("web-1.1.0", EntityId.parse("production/web"),
        "HEALTH_GATE_FAILED", "canary unhealthy", desired, AT);
    assertThat(out).singleElement().satisfies(d -> {
      assertThat(d.event()).isEqualTo("rollout.halted");
      assertThat(d.body()).contains("\"rollout\":\"web-1.1.0\"").contains("HEALTH_GATE_FAILED");
    });
    assertThat(NotificationEvents.rolloutHalted("web-1.1.0", EntityId.parse("staging/web"), "HEALTH_GATE_FAILED",
        "x", desired, AT)).as("not selected").isEmpty();
  }

  private DesiredState desired(String notifications) throws Exception {
    Path repo = TestRepo.open("http://127.0.0.1:9").writeTo(temp.resolve("repo"));
    Files.writeString(repo.resolve("notifications.yaml"), notifications);
    LoadResult loaded = ConfigLoader.withDefaults().load(repo);
    assertThat(loaded.problems()).isEmpty();
    return loaded.state();
  }

  private static StoredPlan plan(String id, String entity) {
    return new StoredPlan(id, EntityId.parse(entity), "spoke", PlanState.PENDING, GitPlace.PROPOSED,
        "{\"type\":\"upgrade\",\"fromVersion\":\"1.0.0\",\"toVersion\":\"1.1.0\",\"missingRoles\":[\"sre\"]}", AT, AT);
  }
}
