package io.apollo.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.gitsync.ApprovalEvidence;
import io.apollo.reconciler.gitsync.RefusalReason;
import io.apollo.reconciler.hub.FakeConfigRepository;
import io.apollo.reconciler.hub.MutableClock;
import io.apollo.reconciler.hub.Reports;
import io.apollo.reconciler.hub.TestRepo;
import io.apollo.reconciler.store.GitPlace;
import io.apollo.reconciler.store.JdbcHubStore;
import io.apollo.reconciler.store.StoredPlan;
import io.apollo.reconciler.store.StoredReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconcile pass against a folder repository, a real SQLite store and a clock the test moves. */
class ReconcilerTest {
  private static final Instant TUESDAY_10 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path temp;
  private final MutableClock clock = new MutableClock(TUESDAY_10);
  private FakeConfigRepository repo;
  private JdbcHubStore store;
  private Reconciler reconciler;
  private long passes;

  private void start(TestRepo files) {
    repo = new FakeConfigRepository(files.writeTo(temp.resolve("repo")));
    reopen();
  }

  private void reopen() {
    if (store != null) {
      store.close();
    }
    store = JdbcHubStore.openSqlite(temp);
    reconciler = new Reconciler(repo, store, ConfigLoader.withDefaults(), Runnable::run, clock);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private HubSnapshot pass() {
    return reconciler.pass(++passes, "test");
  }

  private void report(Reports report) {
    String json = report.json();
    String spoke = json.substring(json.indexOf(":\"") + 2, json.indexOf("\","));
    store.putReport(new StoredReport(spoke, json, clock.instant()));
  }

  private StoredPlan only(HubSnapshot s, String entity) {
    List<StoredPlan> plans = s.plans().stream().filter(p -> p.entity().toString().equals(entity)
        && !p.state().isTerminal()).toList();
    assertThat(plans).as("open plans of " + entity).hasSize(1);
    return plans.getFirst();
  }

  @Test
  void entitiesOfASpokeThatNeverReportedGetNoPlan() {
    start(TestRepo.open("http://127.0.0.1:1"));
    HubSnapshot s = pass();
    assertThat(s.commit()).isPresent();
    assertThat(s.problems()).isEmpty();
    assertThat(s.plans()).isEmpty();
    assertThat(repo.committed()).isEmpty();
  }

  @Test
  void stagingInstallNeedsNoApprovalIsCommittedToMainAndDispatchedThenFollowsReports() {
    start(TestRepo.open("http://127.0.0.1:1"));
    report(Reports.of("staging-spoke"));
    StoredPlan plan = only(pass(), "staging/web");
    assertThat(plan.state()).isEqualTo(PlanState.DISPATCHED);
    assertThat(plan.git()).isEqualTo(GitPlace.ON_MAIN);
    assertThat(repo.committed()).hasSize(1);
    assertThat(repo.committed().getFirst().getFirst().path()).isEqualTo("plans/staging/" + plan.id() + ".yaml");
    assertThat(repo.proposed()).isEmpty();

    report(Reports.of("staging-spoke").entity("staging/web", "com.example:web", null, "INSTALLING", "UNKNOWN",
        plan.id(), "RUNNING", null));
    assertThat(pass().plan(plan.id()).orElseThrow().state()).isEqualTo(PlanState.RUNNING);
    report(Reports.of("staging-spoke").entity("staging/web", "com.example:web", "1.0.0", "RUNNING", "HEALTHY",
        plan.id(), "SUCCEEDED", null));
    HubSnapshot done = pass();
    assertThat(done.plan(plan.id()).orElseThrow().state()).isEqualTo(PlanState.SUCCEEDED);
    assertThat(done.plans()).hasSize(1);
    assertThat(store.history(plan.id())).extracting(e -> e.state()).containsExactly(PlanState.APPROVED,
        PlanState.DISPATCHED, PlanState.RUNNING, PlanState.SUCCEEDED);
  }

  @Test
  void productionUpgradeIsProposedAndApprovedByMergeOfAnSreMember() {
    start(TestRepo.open("http://127.0.0.1:1"));
    reportProductionRunning("1.0.0");
    assertThat(pass().plans()).isEmpty();
    repo.write("entities/production.yaml", productionWeb("1.1.0"));
    StoredPlan plan = only(pass(), "production/web");
    assertThat(plan.state()).isEqualTo(PlanState.PENDING);
    assertThat(plan.git()).isEqualTo(GitPlace.PROPOSED);
    assertThat(repo.proposed()).containsOnlyKeys("apollo/plan/" + plan.id());

    repo.merge(plan.id(), evidence("mallory@example.com", Set.of(), Optional.of("mallory holds no role")));
    HubSnapshot refused = pass();
    assertThat(refused.plan(plan.id()).orElseThrow().state()).isEqualTo(PlanState.PENDING);
    assertThat(refused.approvals().get(plan.id())).singleElement()
        .satisfies(a -> assertThat(a.refusal()).contains("mallory holds no role"));

    repo.merge(plan.id(), evidence("alice.nguyen@example.com", Set.of("sre"), Optional.empty()));
    HubSnapshot approved = pass();
    StoredPlan dispatched = approved.plan(plan.id()).orElseThrow();
    assertThat(dispatched.state()).isEqualTo(PlanState.DISPATCHED);
    assertThat(approved.waitingFor("prod-spoke")).extracting(StoredPlan::id).containsExactly(plan.id());
    assertThat(store.history(plan.id())).extracting(e -> e.state())
        .containsExactly(PlanState.PENDING, PlanState.APPROVED, PlanState.DISPATCHED);
  }

  @Test
  void approvingAPlanFileEditedBeyondApprovalCountsForNothing() {
    start(TestRepo.open("http://127.0.0.1:1"));
    reportProductionRunning("1.0.0");
    repo.write("entities/production.yaml", productionWeb("1.1.0"));
    StoredPlan plan = only(pass(), "production/web");
    repo.editPlanFile(plan.id(), "toVersion: 1.1.0", "toVersion: 1.2.0");
    repo.merge(plan.id(), evidence("alice.nguyen@example.com", Set.of("sre"), Optional.empty()));
    HubSnapshot s = pass();
    assertThat(s.plan(plan.id()).orElseThrow().state()).isEqualTo(PlanState.PENDING);
    assertThat(s.approvals().get(plan.id())).singleElement().satisfies(a -> {
      assertThat(a.refusalReason()).contains("PLAN_EDITED");
      assertThat(a.refusal()).hasValueSatisfying(words -> assertThat(words).contains("/spec/toVersion"));
    });
  }

  @Test
  void desiredStateChangingBeforeApprovalSupersedesThePlanAndDeletesItsBranch() {
    start(TestRepo.open("http://127.0.0.1:1"));
    reportProductionRunning("1.0.0");
    repo.write("entities/production.yaml", productionWeb("1.1.0"));
    StoredPlan first = only(pass(), "production/web");
    repo.write("entities/production.yaml", productionWeb("1.2.0"));
    HubSnapshot s = pass();
    assertThat(s.plan(first.id()).orElseThrow().state()).isEqualTo(PlanState.SUPERSEDED);
    assertThat(s.plan(first.id()).orElseThrow().git()).isEqualTo(GitPlace.WITHDRAWN);
    assertThat(repo.deleted()).containsExactly("apollo/plan/" + first.id());
    StoredPlan second = only(s, "production/web");
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(repo.proposed()).containsOnlyKeys("apollo/plan/" + second.id());
    assertThat(store.history(first.id()).getLast().message()).contains(second.id());
  }

  @Test
  void approvedPlanOutsideItsWindowWaitsUntilTheWindowOpens() {
    start(TestRepo.of(Optional.of("http://127.0.0.1:1"), Optional.empty(), "0 3 * * *", "PT1H"));
    reportProductionRunning("1.0.0");
    repo.write("entities/production.yaml", productionWeb("1.1.0"));
    StoredPlan plan = only(pass(), "production/web");
    assertThat(plan.state()).isEqualTo(PlanState.BLOCKED);
    assertThat(plan.git()).as("proposed while blocked, so reviewers see it early").isEqualTo(GitPlace.PROPOSED);
    repo.merge(plan.id(), evidence("alice.nguyen@example.com", Set.of("sre"), Optional.empty()));
    assertThat(pass().plan(plan.id()).orElseThrow().state()).as("approval opens no window")
        .isEqualTo(PlanState.BLOCKED);
    assertThat(reconcilerSnapshotUnblocksAt()).contains(Instant.parse("2026-12-02T03:00:00Z"));
    clock.set(Instant.parse("2026-12-02T03:00:30Z"));
    assertThat(pass().plan(plan.id()).orElseThrow().state()).isEqualTo(PlanState.DISPATCHED);
  }

  @Test
  void anApproverWhoLeavesTheRoleAfterApprovingStillCounts() {
    start(TestRepo.of(Optional.of("http://127.0.0.1:1"), Optional.empty(), "0 3 * * *", "PT1H"));
    reportProductionRunning("1.0.0");
    repo.write("entities/production.yaml", productionWeb("1.1.0"));
    StoredPlan plan = only(pass(), "production/web");
    repo.merge(plan.id(), evidence("alice.nguyen@example.com", Set.of("sre"), Optional.empty()));
    pass();
    repo.write("policies/roles.yaml", """
        apiVersion: apollo/v1
        kind: Role
        metadata:
          name: sre
        spec:
          members:
            - email: bob.okafor@example.com
        ---
        apiVersion: apollo/v1
        kind: Role
        metadata:
          name: vp-engineering
        spec:
          members:
            - email: carol.diaz@example.com
        """);
    clock.set(Instant.parse("2026-12-02T03:00:30Z"));
    HubSnapshot s = pass();
    assertThat(s.problems()).isEmpty();
    assertThat(s.plan(plan.id()).orElseThrow().state()).as("membership as of the approving commit")
        .isEqualTo(PlanState.DISPATCHED);
  }

  @Test
  void failedUpgradeGetsAnAutomaticRollbackToTheLastHealthyVersion() {
    start(TestRepo.open("http://127.0.0.1:1"));
    report(Reports.of("staging-spoke").running("staging/web", "com.example:web", "1.0.0"));
    pass();
    repo.write("entities/staging.yaml", TestRepo.entity("staging", "web", "com.example:web", "1.1.0"));
    StoredPlan upgrade = only(pass(), "staging/web");
    assertThat(upgrade.state()).isEqualTo(PlanState.DISPATCHED);
    report(Reports.of("staging-spoke").entity("staging/web", "com.example:web", "1.1.0", "FAILED", "UNHEALTHY",
        upgrade.id(), "FAILED", "1.0.0"));
    HubSnapshot s = pass();
    assertThat(s.plan(upgrade.id()).orElseThrow().state()).isEqualTo(PlanState.FAILED);
    StoredPlan rollback = only(s, "staging/web");
    assertThat(rollback.body()).contains("\"type\":\"rollback\"").contains("\"toVersion\":\"1.0.0\"")
        .contains("AUTO_ROLLBACK");
    assertThat(rollback.state()).isEqualTo(PlanState.DISPATCHED);
  }

  @Test
  void aRestartedHubKeepsPlanIdsAndProposesNothingTwice() {
    start(TestRepo.open("http://127.0.0.1:1"));
    reportProductionRunning("1.0.0");
    repo.write("entities/production.yaml", productionWeb("1.1.0"));
    StoredPlan before = only(pass(), "production/web");
    reopen();
    HubSnapshot after = pass();
    assertThat(only(after, "production/web").id()).isEqualTo(before.id());
    assertThat(after.plans()).hasSize(1);
    assertThat(store.history(before.id())).hasSize(1);
  }

  @Test
  void anUnreachableRemoteLeavesTheLastCommitGoverning() {
    start(TestRepo.open("http://127.0.0.1:1"));
    pass();
    repo.reachable(false);
    HubSnapshot s = pass();
    assertThat(s.fetchError()).hasValueSatisfying(e -> assertThat(e).contains("unreachable"));
    assertThat(s.commit()).isPresent();
  }

  @Test
  void anUnreachableRemoteIsRetriedWithBackoffAndRecoversByItself() {
    start(TestRepo.open("http://127.0.0.1:1"));
    pass();
    repo.reachable(false);
    assertThat(pass().fetchError()).hasValueSatisfying(e -> assertThat(e).contains("1 failed fetch(es)"));
    repo.reachable(true);
    assertThat(pass().fetchError()).as("within the backoff, no fetch is tried: the error stays").isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(pass().fetchError()).as("after the backoff, the remote is fetched again").isEmpty();
    repo.reachable(false);
    pass();
    clock.advance(Duration.ofSeconds(1));
    assertThat(pass().fetchError()).hasValueSatisfying(e -> assertThat(e).contains("2 failed fetch(es)"));
    assertThat(Reconciler.fetchBackoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Reconciler.fetchBackoff(30)).isEqualTo(Reconciler.FETCH_BACKOFF_CAP);
  }

  private Optional<Instant> reconcilerSnapshotUnblocksAt() {
    HubSnapshot s = pass();
    return s.result().orElseThrow().plans().stream().flatMap(p -> p.unblocksAt().stream()).findFirst();
  }

  private void reportProductionRunning(String webVersion) {
    report(Reports.of("prod-spoke").running("production/web", "com.example:web", webVersion)
        .running("production/ledger", "com.example:ledger", "2.0.0"));
  }

  private static String productionWeb(String version) {
    return TestRepo.entity("production", "web", "com.example:web", version) + "---\n"
        + TestRepo.entity("production", "ledger", "com.example:ledger", "2.0.0");
  }

  static ApprovalEvidence evidence(String by, Set<String> roles, Optional<String> refusal) {
    Instant at = Instant.parse("2026-12-01T09:00:00Z");
    return refusal.map(words -> ApprovalEvidence.refused(ApprovalEvidence.Kind.MERGE, by, Optional.empty(),
            "m" + by.hashCode(), at, RefusalReason.HOLDS_NO_ROLE, words))
        .orElseGet(() -> ApprovalEvidence.accepted(ApprovalEvidence.Kind.MERGE, by, Optional.empty(), roles,
            "m" + by.hashCode(), at));
  }

  /** Issue 7: a fetch that finds nothing new must not plan again; anything new must. */
  @Test
  void aFetchThatFindsNothingNewKeepsTheLastPlansAndAnythingNewPlansAgain() {
    start(TestRepo.open("http://127.0.0.1:1"));
    reportProductionRunning("1.0.0");
    repo.write("entities/production.yaml", productionWeb("1.1.0"));
    HubSnapshot full = reconciler.pass(++passes, "git webhook");
    StoredPlan plan = only(full, "production/web");
    assertThat(plan.git()).isEqualTo(GitPlace.PROPOSED);

    HubSnapshot kept = reconciler.pass(++passes, "poll interval, git webhook");
    assertThat(kept.result()).as("nothing planned again").containsSame(full.result().orElseThrow());
    assertThat(kept.pass()).isEqualTo(passes);
    assertThat(kept.plans()).isEqualTo(full.plans());

    report(Reports.of("staging-spoke"));
    HubSnapshot afterReport = reconciler.pass(++passes, "report of spoke staging-spoke");
    assertThat(afterReport.result().orElseThrow()).isNotSameAs(full.result().orElseThrow());
    assertThat(afterReport.plans()).extracting(p -> p.entity().toString()).contains("staging/web");
    // That pass committed the staging plan to main: a new head, planned once more, then quiet again.
    assertThat(repo.committed()).hasSize(1);
    HubSnapshot onOwnCommit = reconciler.pass(++passes, "poll interval");
    assertThat(onOwnCommit.result().orElseThrow()).isNotSameAs(afterReport.result().orElseThrow());
    HubSnapshot quietAgain = reconciler.pass(++passes, "poll interval");
    assertThat(quietAgain.result()).containsSame(onOwnCommit.result().orElseThrow());

    // A proposal's branch deleted by a person is news even on the same commit.
    repo.deleteBranch("apollo/plan/" + plan.id());
    HubSnapshot afterDelete = reconciler.pass(++passes, "poll interval");
    assertThat(afterDelete.result().orElseThrow()).isNotSameAs(quietAgain.result().orElseThrow());
    assertThat(afterDelete.plan(plan.id()).orElseThrow().state()).isEqualTo(PlanState.CANCELLED);

    // A new commit is news.
    repo.write("entities/production.yaml", productionWeb("1.2.0"));
    HubSnapshot afterCommit = reconciler.pass(++passes, "git webhook");
    assertThat(afterCommit.result().orElseThrow()).isNotSameAs(afterDelete.result().orElseThrow());
    assertThat(only(afterCommit, "production/web").id()).isNotEqualTo(plan.id());

    // The clock's own trigger is news.
    HubSnapshot onTime = reconciler.pass(++passes, "a window or freeze may turn at " + clock.instant());
    assertThat(onTime.result().orElseThrow()).isNotSameAs(afterCommit.result().orElseThrow());
  }
}
