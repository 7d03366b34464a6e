package io.apollo.reconciler.gitsync;

import static io.apollo.reconciler.testing.GitFixture.ALICE;
import static io.apollo.reconciler.testing.GitFixture.BOB;
import static io.apollo.reconciler.testing.GitFixture.HUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's clone against a real bare repository that people push to with the git CLI: fetching and loading,
 * committing and proposing without force, losing a race to a person's push, deleting branches.
 */
class JGitConfigRepositoryIT {
  @TempDir Path temp;
  private GitFixture repo;
  private JGitConfigRepository hub;

  @BeforeEach
  void setUp() {
    repo = GitFixture.fromSampleRepo(temp).denyNonFastForwards();
    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main",
        repo.newFolder("hub").resolve("clone")));
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  @Test
  void aFetchClonesTheRemoteAndItsHeadLoadsLikeTheFolder() {
    assertThat(hub.head()).isEmpty();

    FetchResult fetched = hub.fetch();

    assertThat(fetched.head()).isEqualTo(repo.remoteHead("main").orElseThrow());
    assertThat(fetched.previousHead()).isEmpty();
    assertThat(fetched.changed()).isTrue();
    assertThat(fetched.recloned()).isFalse();
    assertThat(hub.head()).contains(fetched.head());
    LoadResult loaded = ConfigLoader.withDefaults().load(hub.source(fetched.head()));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.state()).isEqualTo(ConfigLoader.withDefaults().load(GitFixture.sampleRepo()).state());
  }

  @Test
  void aSecondFetchSeesAPersonsCommitAndNothingWhenNothingMoved() {
    String first = hub.fetch().head();
    FetchResult again = hub.fetch();
    assertThat(again.changed()).isFalse();

    String pushed = repo.commitAndPush(BOB, "Add a note", Map.of("NOTES.md", "hello\n"));
    FetchResult next = hub.fetch();

    assertThat(next.head()).isEqualTo(pushed);
    assertThat(next.previousHead()).contains(first);
    assertThat(next.rewritten()).isFalse();
  }

  @Test
  void commitToBranchMakesOneCommitByTheHubOnTopOfMain() {
    String before = hub.fetch().head();

    String after = hub.commitToBranch(List.of(
        new FileWrite("plans/staging/p1.yaml", "a: 1\n"),
        new FileWrite("plans/staging/p2.yaml", "b: 2\n")), "Record 2 approved plans");

    assertThat(repo.remoteHead("main")).contains(after);
    assertThat(repo.remoteLog("main", "%H|%P|%an <%ae>|%cn <%ce>|%s").getFirst())
        .isEqualTo(after + "|" + before + "|" + HUB.name() + " <" + HUB.email() + ">|" + HUB.name() + " <"
            + HUB.email() + ">|Record 2 approved plans");
    assertThat(repo.remoteFile("main", "plans/staging/p2.yaml")).contains("b: 2\n");
    assertThat(repo.remoteFile("main", "entities/staging.yaml")).isPresent();
    assertThat(hub.head()).contains(after);
  }

  @Test
  void filesAlreadyThereAreLeftOutAndNothingLeftMeansNoCommit() {
    hub.fetch();
    String first = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n")), "One");

    String again = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n")), "Same again");
    String partly = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n"),
        new FileWrite("plans/staging/p3.yaml", "c: 3\n")), "One more");

    assertThat(again).isEqualTo(first);
    assertThat(repo.remoteLog("main", "%s")).startsWith("One more", "One").doesNotContain("Same again");
    assertThat(repo.remoteLog(partly, "%H").size()).isEqualTo(3);
  }

  @Test
  void aPushThatLosesARaceIsRedoneOnThePersonsCommitWhichIsKept() {
    String seenByHub = hub.fetch().head();
    String persons = repo.commitAndPush(ALICE, "Pin staging catalog",
        Map.of("entities/staging.yaml", repo.read("entities/staging.yaml") + "\n# pinned by Alice\n"));

    String after = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n")), "Record plan");

    assertThat(repo.remoteLog("main", "%H %P %ae")).startsWith(
        after + " " + persons + " " + HUB.email(),
        persons + " " + seenByHub + " " + ALICE.email());
    assertThat(repo.remoteFile("main", "entities/staging.yaml").orElseThrow()).endsWith("# pinned by Alice\n");
    assertThat(repo.remoteFile("main", "plans/staging/p1.yaml")).contains("a: 1\n");
    assertThat(hub.head()).contains(after);
  }

  @Test
  void twoHubsCommittingAtOnceBothLandAsFastForwards() throws Exception {
    hub.fetch();
    try (JGitConfigRepository other = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main",
        repo.newFolder("other").resolve("clone")))) {
      other.fetch();
      List<java.util.concurrent.Future<String>> commits;
      try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        commits = List.of(
            threads.submit(() -> hub.commitToBranch(List.of(new FileWrite("plans/a.yaml", "a\n")), "A")),
            threads.submit(() -> other.commitToBranch(List.of(new FileWrite("plans/b.yaml", "b\n")), "B")),
            threads.submit(() -> hub.commitToBranch(List.of(new FileWrite("plans/c.yaml", "c\n")), "C")));
      }
      for (java.util.concurrent.Future<String> commit : commits) {
        assertThat(repo.remoteLog("main", "%H")).contains(commit.get());
      }
    }
    assertThat(repo.remoteLog("main", "%s")).hasSize(4).contains("A", "B", "C");
    assertThat(repo.remoteTree("main")).containsKeys("plans/a.yaml", "plans/b.yaml", "plans/c.yaml");
  }

  @Test
  void proposeMakesABranchByTheHubOnceAndDeleteBranchRemovesIt() {
    String main = hub.fetch().head();
    List<FileWrite> plan = List.of(new FileWrite("plans/production/p9.yaml", "p: 9\n"));

    hub.propose("apollo/plan/p9", plan, "Propose p9");
    String branchHead = repo.remoteHead("apollo/plan/p9").orElseThrow();
    hub.propose("apollo/plan/p9", List.of(new FileWrite("plans/production/p9.yaml", "other\n")), "Again");

    assertThat(repo.remoteHead("apollo/plan/p9")).contains(branchHead);
    assertThat(repo.remoteLog("apollo/plan/p9", "%P %ae %s").getFirst())
        .isEqualTo(main + " " + HUB.email() + " Propose p9");
    assertThat(repo.remoteFile("apollo/plan/p9", "plans/production/p9.yaml")).contains("p: 9\n");
    assertThat(repo.remoteHead("main")).contains(main);
    assertThat(hub.branches("apollo/plan/")).containsExactly("apollo/plan/p9");

    hub.deleteBranch("apollo/plan/p9");
    hub.deleteBranch("apollo/plan/p9");
    hub.deleteBranch("apollo/plan/never-there");

    assertThat(repo.remoteBranches("apollo/plan/")).isEmpty();
    assertThat(hub.branches("apollo/plan/")).isEmpty();
  }

  @Test
  void aMergedBranchIsDeletedAndASquashMergedOneIsKept() {
    hub.fetch();
    hub.propose("apollo/plan/m1", List.of(new FileWrite("plans/production/m1.yaml", "m: 1\n")), "Propose m1");
    hub.propose("apollo/plan/s1", List.of(new FileWrite("plans/production/s1.yaml", "s: 1\n")), "Propose s1");
    repo.squashMerge(ALICE, "apollo/plan/s1");
    String head = repo.mergeNoFf(ALICE, "apollo/plan/m1");
    hub.fetch();

    assertThat(hub.deleteMergedBranch("apollo/plan/s1", head)).as("squash-merged: its tip is not in main").isFalse();
    assertThat(hub.deleteMergedBranch("apollo/plan/m1", head)).isTrue();
    assertThat(hub.deleteMergedBranch("apollo/plan/m1", head)).as("already gone").isFalse();

    assertThat(repo.remoteBranches("apollo/plan/")).containsExactly("apollo/plan/s1");
    assertThat(hub.branches("apollo/plan/")).containsExactly("apollo/plan/s1");
  }

  @Test
  void aMergedBranchSomeonePushedToSinceTheFetchIsKept() {
    hub.fetch();
    hub.propose("apollo/plan/m2", List.of(new FileWrite("plans/production/m2.yaml", "m: 2\n")), "Propose m2");
    String head = repo.mergeNoFf(ALICE, "apollo/plan/m2");
    hub.fetch();
    GitFixture.git(repo.work(), "checkout", "-q", "-b", "more", "origin/apollo/plan/m2");
    repo.write("notes.txt", "later work\n").commitAll(ALICE, "Later work on the plan branch");
    GitFixture.git(repo.work(), "push", "-q", "origin", "HEAD:apollo/plan/m2");

    assertThat(hub.deleteMergedBranch("apollo/plan/m2", head)).isFalse();
    assertThat(repo.remoteBranches("apollo/plan/")).containsExactly("apollo/plan/m2");
  }

  @Test
  void branchesAreAsLastFetchedIncludingOnesPeopleMadeOrDeleted() {
    hub.fetch();
    hub.propose("apollo/plan/a", List.of(new FileWrite("plans/production/a.yaml", "a\n")), "Propose a");
    GitFixture.git(repo.work(), "push", "-q", "origin", "HEAD:refs/heads/apollo/plan/by-hand");
    repo.deleteRemoteBranch("apollo/plan/a");

    assertThat(hub.branches("apollo/plan/")).containsExactly("apollo/plan/a");
    hub.fetch();
    assertThat(hub.branches("apollo/plan/")).containsExactly("apollo/plan/by-hand");
    assertThat(hub.branches("")).contains("main", "apollo/plan/by-hand");
  }

  @Test
  void theGovernedBranchCannotBeProposedOnOrDeleted() {
    hub.fetch();

    assertThatThrownBy(() -> hub.deleteBranch("main")).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("governed branch main");
    assertThatThrownBy(() -> hub.propose("bad..name", List.of(), "x")).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("'bad..name'");
    assertThat(repo.remoteHead("main")).isPresent();
  }

  @Test
  void aRemoteWithoutTheBranchIsAClearError() {
    JGitConfigRepository wrong = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "trunk",
        repo.newFolder("other").resolve("clone")));
    try (wrong) {
      assertThatThrownBy(wrong::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("has no branch 'trunk'");
      assertThat(wrong.head()).isEmpty();
    }
  }
}
