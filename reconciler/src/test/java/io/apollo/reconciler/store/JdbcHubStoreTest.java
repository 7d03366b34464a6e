package io.apollo.reconciler.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.PlanState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store: what is saved is what a store opened again on the same folder reads. */
class JdbcHubStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path temp;

  @Test
  void plansHistoryReportsApprovalsAndDispatchesSurviveReopening() {
    StoredPlan plan = new StoredPlan("pl-0123456789abcdef", EntityId.parse("staging/web"), "staging-spoke",
        PlanState.PENDING, GitPlace.PROPOSED, "{\"id\":\"pl-0123456789abcdef\"}", T0, T0);
    try (JdbcHubStore store = JdbcHubStore.openSqlite(temp)) {
      store.save(List.of(plan), List.of(new PlanEvent(plan.id(), T0, PlanState.PENDING, "PROPOSED", "needs sre")));
      store.save(List.of(plan.withState(PlanState.APPROVED, T0.plusSeconds(5))),
          List.of(new PlanEvent(plan.id(), T0.plusSeconds(5), PlanState.APPROVED, "APPROVED", "sre approved")));
      store.putReport(new StoredReport("staging-spoke", "{\"a\":1}", T0));
      store.putReport(new StoredReport("staging-spoke", "{\"a\":2}", T0.plusSeconds(1)));
      StoredApproval approval = new StoredApproval(plan.id(), "abc", "alice@example.com", Optional.of("sre"),
          "MERGE", T0, Optional.empty(), Optional.empty());
      store.recordApprovals(List.of(approval));
      store.recordApprovals(List.of(approval));
      store.recordDispatch(new DispatchAttempt(plan.id(), "staging-spoke", T0, false, "refused 503"));
      store.recordDispatch(new DispatchAttempt(plan.id(), "staging-spoke", T0, true, "202"));
      store.putMeta("governing_commit", "abc");
    }
    try (JdbcHubStore store = JdbcHubStore.openSqlite(temp)) {
      assertThat(store.plans()).singleElement().satisfies(p -> {
        assertThat(p.state()).isEqualTo(PlanState.APPROVED);
        assertThat(p.git()).isEqualTo(GitPlace.PROPOSED);
        assertThat(p.createdAt()).isEqualTo(T0);
      });
      assertThat(store.history(plan.id())).extracting(PlanEvent::state)
          .containsExactly(PlanState.PENDING, PlanState.APPROVED);
      assertThat(store.reports().get("staging-spoke").json()).isEqualTo("{\"a\":2}");
      assertThat(store.approvals().get(plan.id())).hasSize(1);
      assertThat(store.acknowledgedPlans()).containsExactly(plan.id());
      assertThat(store.meta("governing_commit")).contains("abc");
      assertThat(store.meta("schema_version")).contains(JdbcHubStore.SCHEMA_VERSION);
      assertThat(store.plan("pl-ffffffffffffffff")).isEmpty();
      assertThat(store.history("pl-ffffffffffffffff")).isEmpty();
    }
  }
}
