package io.apollo.reconciler.testing;

import static io.apollo.reconciler.testing.GitFixture.ALICE;
import static io.apollo.reconciler.testing.GitFixture.BOB;
import static io.apollo.reconciler.testing.GitFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture does what it says, so that tests built on it fail for the hub's faults, not the fixture's. */
class GitFixtureIT {
  @TempDir Path temp;

  @Test
  void aSampleRepoRemoteHasMainByAlice() {
    GitFixture repo = GitFixture.fromSampleRepo(temp);

    assertThat(repo.remoteHead("main")).isPresent();
    assertThat(repo.remoteLog("main", "%ae")).containsExactly(ALICE.email());
    assertThat(repo.remoteFile("main", "policies/roles.yaml")).get().asString().contains("name: sre");
  }

  @Test
  void aFolderChangedBetweenUsesGivesARepositoryOfItsNewContent() throws Exception {
    Path folder = temp.resolve("desired");
    GitFixture.copyTree(GitFixture.sampleRepo(), folder);
    GitFixture first = GitFixture.fromFolder(temp.resolve("one"), folder);
    java.nio.file.Files.writeString(folder.resolve("NOTES.md"), "changed\n");

    GitFixture second = GitFixture.fromFolder(temp.resolve("two"), folder);

    assertThat(first.remoteFile("main", "NOTES.md")).isEmpty();
    assertThat(second.remoteFile("main", "NOTES.md")).contains("changed\n");
    assertThat(second.remoteHead("main")).isNotEqualTo(first.remoteHead("main"));
  }

  @Test
  void aBranchMergedWithNoFfIsAMergeCommitByTheMerger() {
    GitFixture repo = GitFixture.fromSampleRepo(temp);
    String base = repo.remoteHead("main").orElseThrow();
    GitFixture.git(repo.work(), "checkout", "-q", "-b", "apollo/plan/p1");
    repo.write("plans/production/p1.yaml", "kind: Plan\nspec:\n  entity: production/x\n");
    repo.commitAll(GitFixture.HUB, "Propose p1");
    GitFixture.git(repo.work(), "push", "-q", "origin", "apollo/plan/p1");

    String merge = repo.mergeNoFf(BOB, "apollo/plan/p1");

    assertThat(repo.remoteBranches("apollo/plan/")).containsExactly("apollo/plan/p1");
    assertThat(repo.remoteLog("main", "%H %ae %P").getFirst()).startsWith(merge + " " + BOB.email() + " " + base);
    String approval = repo.appendApproval(MALLORY, "plans/production/p1.yaml", "carol.diaz@example.com",
        Optional.of("vp-engineering"));
    assertThat(repo.remoteFile(approval, "plans/production/p1.yaml")).get().asString()
        .endsWith("  approvals:\n  - by: carol.diaz@example.com\n    role: vp-engineering\n");
    repo.approve(ALICE, "plans/production/p1.yaml", "sre");
    assertThat(repo.remoteFile("main", "plans/production/p1.yaml")).get().asString()
        .endsWith("    role: vp-engineering\n  - by: alice.nguyen@example.com\n    role: sre\n");
  }

  @Test
  void aForcePushRewritesMainAndAMovedRemoteComesBack() {
    GitFixture repo = GitFixture.fromSampleRepo(temp);
    String old = repo.commitAndPush(BOB, "Note", Map.of("NOTES.md", "one\n"));

    String rewritten = repo.forcePush(MALLORY, 1, Map.of("NOTES.md", "two\n"), "Rewrite");

    assertThat(repo.remoteHead("main")).contains(rewritten);
    assertThat(repo.remoteLog("main", "%H")).doesNotContain(old);
    GitFixture.Moved moved = repo.moveRemoteAway();
    assertThat(repo.remoteHead("main")).isEmpty();
    moved.restore();
    assertThat(repo.remoteHead("main")).contains(rewritten);
    assertThatThrownBy(() -> GitFixture.git(repo.work(), "no-such-command")).hasMessageContaining("no-such-command");
  }
}
