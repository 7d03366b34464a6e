package io.apollo.reconciler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.PlanState;
import io.apollo.core.report.HealthySince;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HubStore} does, on SQLite ({@link SqliteHubStoreTest}) and on a real PostgreSQL ({@link
 * PostgresHubStoreIT}): what is saved is what a store opened again on the same database reads, and a store whose
 * leadership another took since writes nothing.
 */
abstract class HubStoreContract {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** A store on this test's database; each call opens another connection to the same one. */
  abstract JdbcHubStore open();

  static StoredPlan plan(String id) {
    return new StoredPlan(id, EntityId.parse("staging/web"), "staging-spoke", PlanState.PENDING,
        GitPlace.PROPOSED, "{\"id\":\"" + id + "\"}", T0, T0);
  }

  @Test
  void plansHistoryReportsApprovalsAndDispatchesSurviveReopening() {
    StoredPlan plan = plan("pl-0123456789abcdef");
    try (JdbcHubStore store = open()) {
      store.save(List.of(plan), List.of(new PlanEvent(plan.id(), T0, PlanState.PENDING, "PROPOSED", "needs sre")));
      store.save(List.of(plan.withState(PlanState.APPROVED, T0.plusSeconds(5))),
          List.of(new PlanEvent(plan.id(), T0.plusSeconds(5), PlanState.APPROVED, "APPROVED", "sre approved")));
      store.putReport(new StoredReport("staging-spoke", "{\"a\":1}", T0));
      store.putReport(new StoredReport("staging-spoke", "{\"a\":2}", T0.plusSeconds(1)));
      StoredApproval approval = new StoredApproval(plan.id(), "abc", "alice@example.com", Optional.of("sre"),
          "MERGE", T0, Optional.empty(), Optional.empty(), Optional.of("SHA256:aliceKey"));
      store.recordApprovals(List.of(approval));
      store.recordApprovals(List.of(approval));
      store.recordDispatch(new DispatchAttempt(plan.id(), "staging-spoke", T0, false, "refused 503"));
      store.recordDispatch(new DispatchAttempt(plan.id(), "staging-spoke", T0, true, "202"));
      store.putMeta("governing_commit", "abc");
    }
    try (JdbcHubStore store = open()) {
      assertThat(store.plans()).singleElement().satisfies(p -> {
        assertThat(p.state()).isEqualTo(PlanState.APPROVED);
        assertThat(p.git()).isEqualTo(GitPlace.PROPOSED);
        assertThat(p.createdAt()).isEqualTo(T0);
      });
      assertThat(store.history(plan.id())).extracting(PlanEvent::state)
          .containsExactly(PlanState.PENDING, PlanState.APPROVED);
      assertThat(store.reports().get("staging-spoke").json()).isEqualTo("{\"a\":2}");
      assertThat(store.approvals().get(plan.id())).singleElement()
          .satisfies(a -> assertThat(a.keyFingerprint()).contains("SHA256:aliceKey"));
      assertThat(store.acknowledgedPlans()).containsExactly(plan.id());
      assertThat(store.meta("governing_commit")).contains("abc");
      assertThat(store.meta("schema_version")).contains(JdbcHubStore.SCHEMA_VERSION);
      assertThat(store.plan("pl-ffffffffffffffff")).isEmpty();
      assertThat(store.history("pl-ffffffffffffffff")).isEmpty();
    }
  }

  @Test
  void aBatchOfReportsIsOneWriteWhereTheLaterOfOneSpokeWinsAndEachReadsBackAlone() {
    try (JdbcHubStore store = open()) {
      store.putReports(List.of(new StoredReport("spoke-a", "{\"a\":1}", T0),
          new StoredReport("spoke-b", "{\"b\":1}", T0),
          new StoredReport("spoke-a", "{\"a\":2}", T0.plusSeconds(1))));
      store.putReports(List.of());
    }
    try (JdbcHubStore store = open()) {
      assertThat(store.report("spoke-a")).get().satisfies(r -> {
        assertThat(r.json()).isEqualTo("{\"a\":2}");
        assertThat(r.receivedAt()).isEqualTo(T0.plusSeconds(1));
      });
      assertThat(store.report("spoke-b")).get().extracting(StoredReport::json).isEqualTo("{\"b\":1}");
      assertThat(store.report("spoke-c")).isEmpty();
      assertThat(store.reports()).containsOnlyKeys("spoke-a", "spoke-b");
    }
  }

  @Test
  void eachLeadershipTakesANewEpochAndTheStoreSaysWhoHoldsIt() {
    try (JdbcHubStore first = open(); JdbcHubStore second = open()) {
      assertThat(first.leader().epoch()).isZero();
      assertThat(first.epoch()).isZero();
      assertThat(first.takeLeadership("hub-a", T0)).isEqualTo(1);
      assertThat(second.takeLeadership("hub-b", T0.plusSeconds(1))).isEqualTo(2);
      assertThat(first.leader()).isEqualTo(new Leader(2, "hub-b", T0.plusSeconds(1)));
      assertThat(second.epoch()).isEqualTo(2);
    }
    try (JdbcHubStore again = open()) {
      assertThat(again.takeLeadership("hub-a", T0.plusSeconds(2))).isEqualTo(3);
    }
  }

  /** Issue 16: a promotion bake counts from this history, so a restarted hub must read back what it wrote. */
  @Test
  void theHealthHistorySurvivesReopeningAndADeposedHubCannotWriteIt() {
    EntityId staging = EntityId.parse("staging/catalog");
    EntityId production = EntityId.parse("production/catalog");
    HealthySince bakes = new HealthySince(staging, Version.parse("1.1.0"), T0);
    try (JdbcHubStore store = open()) {
      store.updateHealthySince(List.of(bakes, new HealthySince(production, Version.parse("1.0.0"), T0)), Set.of());
      store.updateHealthySince(List.of(new HealthySince(production, Version.parse("1.1.0"), T0.plusSeconds(9))),
          Set.of());
    }
    try (JdbcHubStore store = open()) {
      assertThat(store.healthySince()).containsOnlyKeys(staging, production);
      assertThat(store.healthySince().get(staging)).isEqualTo(bakes);
      assertThat(store.healthySince().get(production).version()).isEqualTo(Version.parse("1.1.0"));
      assertThat(store.healthySince().get(production).since()).isEqualTo(T0.plusSeconds(9));
      store.updateHealthySince(List.of(), Set.of(production));
    }
    try (JdbcHubStore deposed = open(); JdbcHubStore leader = open()) {
      assertThat(deposed.healthySince()).containsOnlyKeys(staging);
      deposed.takeLeadership("hub-a", T0);
      leader.takeLeadership("hub-b", T0.plusSeconds(1));
      assertThatThrownBy(() -> deposed.updateHealthySince(List.of(), Set.of(staging)))
          .isInstanceOf(StaleEpochException.class);
      assertThat(leader.healthySince()).containsOnlyKeys(staging);
    }
  }

  @Test
  void aDeposedLeadershipsLateWritesAreRefusedAndKeepNothing() {
    StoredPlan plan = plan("pl-00000000000000aa");
    try (JdbcHubStore deposed = open(); JdbcHubStore leader = open()) {
      deposed.takeLeadership("hub-a", T0);
      deposed.save(List.of(plan), List.of(new PlanEvent(plan.id(), T0, PlanState.PENDING, "PROPOSED", "new")));
      deposed.checkFence();
      leader.takeLeadership("hub-b", T0.plusSeconds(1));

      StoredPlan late = plan.withState(PlanState.DISPATCHED, T0.plusSeconds(2));
      assertThatThrownBy(() -> deposed.save(List.of(late),
          List.of(new PlanEvent(plan.id(), T0.plusSeconds(2), PlanState.DISPATCHED, "DISPATCHED", "late"))))
          .isInstanceOfSatisfying(StaleEpochException.class, e -> {
            assertThat(e.epoch()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo(StaleEpochException.REASON);
            assertThat(e.getMessage()).contains("epoch 1", "epoch 2");
          });
      assertThatThrownBy(() -> deposed.recordDispatch(new DispatchAttempt(plan.id(), "staging-spoke",
          T0.plusSeconds(2), true, "202"))).isInstanceOf(StaleEpochException.class);
      assertThatThrownBy(() -> deposed.recordApprovals(List.of(new StoredApproval(plan.id(), "abc", "a@example.com",
          Optional.of("sre"), "MERGE", T0, Optional.empty(), Optional.empty()))))
          .isInstanceOf(StaleEpochException.class);
      assertThatThrownBy(() -> deposed.putMeta("governing_commit", "old")).isInstanceOf(StaleEpochException.class);
      assertThatThrownBy(deposed::checkFence).isInstanceOf(StaleEpochException.class);
      // Reports are the spokes' facts: any hub may keep them.
      deposed.putReport(new StoredReport("staging-spoke", "{}", T0.plusSeconds(2)));

      assertThat(leader.plan(plan.id())).get().extracting(StoredPlan::state).isEqualTo(PlanState.PENDING);
      assertThat(leader.history(plan.id())).extracting(PlanEvent::reason).containsExactly("PROPOSED");
      assertThat(leader.acknowledgedPlans()).isEmpty();
      assertThat(leader.approvals()).isEmpty();
      assertThat(leader.meta("governing_commit")).isEmpty();
      assertThat(leader.reports()).containsKey("staging-spoke");
      // The deposed store's connection still works for reads after a refusal (no transaction left aborted).
      assertThat(deposed.plans()).hasSize(1);
      leader.save(List.of(late), List.of());
      assertThat(deposed.plan(plan.id())).get().extracting(StoredPlan::state).isEqualTo(PlanState.DISPATCHED);
    }
  }

  @Test
  void aStoreThatNeverLedWritesOnlyWhileNoHubHasLed() {
    try (JdbcHubStore tool = open(); JdbcHubStore hub = open()) {
      tool.putMeta("note", "before any hub");
      hub.takeLeadership("hub-a", T0);
      assertThatThrownBy(() -> tool.putMeta("note", "after")).isInstanceOf(StaleEpochException.class);
      assertThat(hub.meta("note")).contains("before any hub");
    }
  }

  /** Issue 17: the outbox is written with the history, read back in order, and its records are fenced. */
  @Test
  void theOutboxIsWrittenWithTheHistoryAndItsDeliveriesAreFenced() {
    StoredPlan plan = plan("pl-00000000000000bb");
    NotificationDelivery first = NotificationDelivery.pending("ev-1", "hook", "plan.proposed", plan.id(), "webhook",
        "http://127.0.0.1:9/", "r", "{\"id\":\"ev-1\"}", T0);
    NotificationDelivery later = NotificationDelivery.pending("ev-2", "hook", "plan.approved", plan.id(), "slack",
        "", "s", "{}", T0.plusSeconds(1));
    try (JdbcHubStore deposed = open(); JdbcHubStore leader = open()) {
      deposed.takeLeadership("hub-a", T0);
      deposed.save(List.of(plan), List.of(new PlanEvent(plan.id(), T0, PlanState.PENDING, "PROPOSED", "new")),
          List.of(first, later));
      deposed.save(List.of(), List.of(), List.of(first));
      assertThat(deposed.dueDeliveries(T0, 10)).extracting(NotificationDelivery::id).as("ev-2 is not due yet")
          .containsExactly("ev-1");
      assertThat(deposed.dueDeliveries(T0.plusSeconds(5), 10)).containsExactly(first, later);
      deposed.recordDelivery(new NotificationDelivery("ev-1", "hook", "plan.proposed", plan.id(), "webhook",
          "http://127.0.0.1:9/", "r", first.body(), T0, 1, T0.plusSeconds(60), NotificationDelivery.DeliveryState.PENDING,
          Optional.of("HTTP_500: the receiver answered 500")));
      assertThat(deposed.dueDeliveries(T0.plusSeconds(5), 10)).extracting(NotificationDelivery::id)
          .containsExactly("ev-2");
      deposed.recordDegraded(java.util.Set.of("staging/web", "production/web"), List.of());
      deposed.recordVerdicts(List.of(new PlanVerdict(plan.id(), T0, "[]")));

      leader.takeLeadership("hub-b", T0.plusSeconds(2));
      assertThatThrownBy(() -> deposed.recordDelivery(later)).isInstanceOf(StaleEpochException.class);
      assertThatThrownBy(() -> deposed.save(List.of(), List.of(), List.of(NotificationDelivery.pending("ev-3",
          "hook", "plan.failed", plan.id(), "webhook", "http://127.0.0.1:9/", "r", "{}", T0))))
          .isInstanceOf(StaleEpochException.class);
      assertThatThrownBy(() -> deposed.recordDegraded(java.util.Set.of(), List.of()))
          .isInstanceOf(StaleEpochException.class);
      assertThatThrownBy(() -> deposed.recordVerdicts(List.of(new PlanVerdict(plan.id(), T0, "[1]"))))
          .isInstanceOf(StaleEpochException.class);

      leader.recordDelivery(new NotificationDelivery("ev-2", "hook", "plan.approved", plan.id(), "slack", "", "s",
          "{}", T0.plusSeconds(1), 3, T0.plusSeconds(3), NotificationDelivery.DeliveryState.DEAD,
          Optional.of("SECRET_MISSING: s")));
    }
    try (JdbcHubStore store = open()) {
      assertThat(store.deliveryCounts()).containsEntry(NotificationDelivery.DeliveryState.PENDING, 1L)
          .containsEntry(NotificationDelivery.DeliveryState.DEAD, 1L)
          .containsEntry(NotificationDelivery.DeliveryState.DELIVERED, 0L);
      assertThat(store.deadLetters(5)).singleElement().satisfies(d -> {
        assertThat(d.id()).isEqualTo("ev-2");
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.lastError()).contains("SECRET_MISSING: s");
      });
      assertThat(store.dueDeliveries(T0.plusSeconds(60), 10)).singleElement().satisfies(d -> {
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastError()).contains("HTTP_500: the receiver answered 500");
      });
      assertThat(store.degradedEntities()).containsExactlyInAnyOrder("staging/web", "production/web");
      assertThat(store.verdicts(plan.id())).extracting(PlanVerdict::violations).containsExactly("[]");
      assertThat(store.latestVerdict(plan.id())).contains("[]");
      assertThat(store.latestVerdict("pl-none")).isEmpty();
      assertThat(store.dispatchAttempts(plan.id())).isEmpty();
    }
  }
}
