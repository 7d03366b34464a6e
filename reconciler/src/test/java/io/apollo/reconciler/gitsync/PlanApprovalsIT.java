package io.apollo.reconciler.gitsync;

import static io.apollo.reconciler.testing.GitFixture.ALICE;
import static io.apollo.reconciler.testing.GitFixture.BOB;
import static io.apollo.reconciler.testing.GitFixture.CAROL;
import static io.apollo.reconciler.testing.GitFixture.HUB;
import static io.apollo.reconciler.testing.GitFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.gitsync.ApprovalEvidence.Kind;
import io.apollo.reconciler.testing.GitFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approval by merge and by {@code spec.approvals} entries (DESIGN.md section 4), as people give it with the git CLI:
 * the hub proposes a plan branch, someone merges it with {@code --no-ff}, others append entries in their own
 * commits; the hub reads who did what from the branch's first-parent history.
 */
class PlanApprovalsIT {
  private static final String ID = "p1";
  private static final String BRANCH = "apollo/plan/" + ID;
  private static final String PATH = "plans/production/" + ID + ".yaml";

  @TempDir Path temp;
  private GitFixture repo;
  private JGitConfigRepository hub;

  @BeforeEach
  void proposeAPlan() throws IOException {
    repo = GitFixture.fromSampleRepo(temp);
    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main",
        repo.newFolder("hub").resolve("clone")));
    hub.fetch();
    hub.propose(BRANCH, List.of(new FileWrite(PATH, planText(ID))), "Propose the catalog upgrade");
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  @Test
  void aPlanOnlyProposedIsNotOnMain() {
    assertThat(hub.plansOnBranch(hub.fetch().head())).isEmpty();
  }

  @Test
  void aMergeByAnSreMemberIsMergeEvidenceForSre() {
    String merge = repo.mergeNoFf(ALICE, BRANCH);

    PlanOnBranch plan = hub.plansOnBranch(hub.fetch().head()).get(ID);

    assertThat(plan.path()).isEqualTo(PATH);
    assertThat(plan.addedBy()).isEqualTo(ALICE.email());
    assertThat(plan.addedInCommit()).isEqualTo(merge);
    assertThat(plan.content()).isEqualTo(planText(ID));
    assertThat(plan.approvals()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(Kind.MERGE);
      assertThat(e.by()).isEqualTo(ALICE.email());
      assertThat(e.rolesMet()).containsExactly("sre");
      assertThat(e.commit()).isEqualTo(merge);
      assertThat(e.accepted()).isTrue();
    });
  }

  @Test
  void aMergeBySomeoneInNoRoleMeetsNoRole() {
    repo.mergeNoFf(MALLORY, BRANCH);

    PlanOnBranch plan = hub.plansOnBranch(hub.fetch().head()).get(ID);

    assertThat(plan.approvals()).singleElement().satisfies(e -> {
      assertThat(e.by()).isEqualTo(MALLORY.email());
      assertThat(e.rolesMet()).isEmpty();
    });
  }

  @Test
  void aSquashMergeCountsAsTheMergersApproval() {
    String squash = repo.squashMerge(CAROL, BRANCH);

    PlanOnBranch plan = hub.plansOnBranch(hub.fetch().head()).get(ID);

    assertThat(plan.addedInCommit()).isEqualTo(squash);
    assertThat(plan.approvals()).singleElement()
        .satisfies(e -> assertThat(e.rolesMet()).containsExactly("vp-engineering"));
  }

  @Test
  void aPlanTheHubCommittedItselfCarriesNoApproval() {
    String commit = hub.commitToBranch(List.of(new FileWrite("plans/staging/p2.yaml", planText("p2"))), "Record p2");

    PlanOnBranch plan = hub.plansOnBranch(commit).get("p2");

    assertThat(plan.addedBy()).isEqualTo(HUB.email());
    assertThat(plan.approvals()).isEmpty();
  }

  @Test
  void anEntryByItsOwnAuthorWhoHoldsTheRoleIsAccepted() {
    repo.mergeNoFf(ALICE, BRANCH);
    String entry = repo.approve(CAROL, PATH, "vp-engineering");

    PlanOnBranch plan = hub.plansOnBranch(hub.fetch().head()).get(ID);

    assertThat(plan.approvals()).hasSize(2).last().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(Kind.ENTRY);
      assertThat(e.by()).isEqualTo(CAROL.email());
      assertThat(e.claimedRole()).contains("vp-engineering");
      assertThat(e.rolesMet()).containsExactly("vp-engineering");
      assertThat(e.commit()).isEqualTo(entry);
      assertThat(e.accepted()).isTrue();
    });
    assertThat(plan.addedBy()).as("the merge still brought the file").isEqualTo(ALICE.email());
  }

  @Test
  void anEntryWithoutARoleMeetsEveryRoleItsAuthorHeld() {
    repo.mergeNoFf(MALLORY, BRANCH);
    repo.appendApproval(BOB, PATH, BOB.email(), Optional.empty());
    repo.appendApproval(MALLORY, PATH, MALLORY.email(), Optional.empty());

    List<ApprovalEvidence> approvals = hub.plansOnBranch(hub.fetch().head()).get(ID).approvals();

    assertThat(approvals).extracting(ApprovalEvidence::by)
        .containsExactly(MALLORY.email(), BOB.email(), MALLORY.email());
    assertThat(approvals.get(1).rolesMet()).containsExactly("sre");
    assertThat(approvals.get(2).refusalReason()).contains(RefusalReason.HOLDS_NO_ROLE);
    assertThat(approvals.get(2).refusal()).get().asString().contains(MALLORY.email() + " held no role");
  }

  @Test
  void anEntryWhoseByIsNotItsCommitsAuthorIsRefused() {
    repo.mergeNoFf(ALICE, BRANCH);
    String forged = repo.appendApproval(MALLORY, PATH, CAROL.email(), Optional.of("vp-engineering"));

    ApprovalEvidence entry = hub.plansOnBranch(hub.fetch().head()).get(ID).approvals().getLast();

    assertThat(entry.accepted()).isFalse();
    assertThat(entry.rolesMet()).isEmpty();
    assertThat(entry.refusalReason()).contains(RefusalReason.NOT_COMMIT_AUTHOR);
    assertThat(entry.refusal()).get().asString()
        .startsWith("entry says by " + CAROL.email() + " but was committed by " + MALLORY.email())
        .contains(forged.substring(0, 7));
  }

  @Test
  void anEntryWrittenOnThePlanBranchAndMergedBySomeoneElseIsRefusedAndSaysWhy() {
    GitFixture.git(repo.work(), "fetch", "-q", "origin");
    GitFixture.git(repo.work(), "checkout", "-q", "-b", "review", "origin/" + BRANCH);
    repo.writeApproval(PATH, CAROL.email(), Optional.of("vp-engineering"));
    repo.commitAll(CAROL, "Approve on the branch");
    GitFixture.git(repo.work(), "push", "-q", "origin", "HEAD:" + BRANCH);
    String merge = repo.mergeNoFf(ALICE, BRANCH);

    List<ApprovalEvidence> approvals = hub.plansOnBranch(hub.fetch().head()).get(ID).approvals();

    assertThat(approvals.getFirst().rolesMet()).containsExactly("sre");
    assertThat(approvals.getLast().refusalReason()).contains(RefusalReason.NOT_COMMIT_AUTHOR);
    assertThat(approvals.getLast().refusal()).get().asString()
        .contains("was committed by " + ALICE.email() + " (commit " + merge.substring(0, 7) + ")")
        .contains("it came in with that merge");
  }

  @Test
  void anEntryBySomeoneWhoJoinedTheRoleInTheSameCommitIsRefused() {
    repo.mergeNoFf(ALICE, BRANCH);
    repo.pull();
    repo.writeMembership("vp-engineering", MALLORY);
    repo.writeApproval(PATH, MALLORY.email(), Optional.of("vp-engineering"));
    String sneaky = repo.commitAll(MALLORY, "Approve as vp-engineering");
    repo.push();

    ApprovalEvidence entry = hub.plansOnBranch(hub.fetch().head()).get(ID).approvals().getLast();

    assertThat(entry.refusalReason()).contains(RefusalReason.NOT_A_MEMBER);
    assertThat(entry.refusal()).contains(MALLORY.email() + " was not a member of vp-engineering before commit "
        + sneaky.substring(0, 7) + " (membership is read from the branch as it was before the approving commit)");
  }

  @Test
  void anEntryBySomeoneMadeAMemberInAnEarlierCommitIsAccepted() {
    repo.mergeNoFf(ALICE, BRANCH);
    repo.pull();
    repo.writeMembership("vp-engineering", BOB);
    repo.commitAll(CAROL, "Bob joins vp-engineering");
    repo.push();
    repo.approve(BOB, PATH, "vp-engineering");

    ApprovalEvidence entry = hub.plansOnBranch(hub.fetch().head()).get(ID).approvals().getLast();

    assertThat(entry.accepted()).isTrue();
    assertThat(entry.rolesMet()).containsExactly("vp-engineering");
  }

  @Test
  void entriesKeepTheirCommitWhenTheFileIsEditedAgainLater() {
    repo.mergeNoFf(ALICE, BRANCH);
    String carols = repo.approve(CAROL, PATH, "vp-engineering");
    repo.approve(BOB, PATH, "sre");
    repo.commitAndPush(MALLORY, "Reword the header", Map.of(PATH,
        repo.read(PATH).replace("# Written by the Apollo hub.", "# Written by the hub.")));

    List<ApprovalEvidence> approvals = hub.plansOnBranch(hub.fetch().head()).get(ID).approvals();

    assertThat(approvals).hasSize(3).allMatch(ApprovalEvidence::accepted);
    assertThat(approvals.get(1).commit()).isEqualTo(carols);
  }

  @Test
  void resultsForOneCommitAreTheSameObjectOnTheSecondCall() {
    repo.mergeNoFf(ALICE, BRANCH);
    String head = hub.fetch().head();

    Map<String, PlanOnBranch> first = hub.plansOnBranch(head);

    assertThat(hub.plansOnBranch(head)).isSameAs(first);
  }

  @Test
  void aLaterCommitBuiltOnTheLastAnswerGivesWhatAFreshReadingGives() {
    repo.mergeNoFf(ALICE, BRANCH);
    Map<String, PlanOnBranch> before = hub.plansOnBranch(hub.fetch().head());
    hub.propose("apollo/plan/p3", List.of(new FileWrite("plans/staging/p3.yaml", planText("p3"))), "Propose p3");
    repo.mergeNoFf(BOB, "apollo/plan/p3");
    repo.approve(CAROL, PATH, "vp-engineering");
    String head = hub.fetch().head();

    Map<String, PlanOnBranch> incremental = hub.plansOnBranch(head);

    try (JGitConfigRepository fresh = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main",
        repo.newFolder("fresh").resolve("clone")))) {
      fresh.fetch();
      assertThat(incremental).isEqualTo(fresh.plansOnBranch(head));
    }
    assertThat(incremental.keySet()).containsExactly(ID, "p3");
    assertThat(incremental.get(ID).approvals()).hasSize(2);
    assertThat(before.get(ID).approvals()).hasSize(1);
  }

  private static String planText(String id) {
    try (InputStream in = PlanApprovalsIT.class.getResourceAsStream("/gitsync/plan-upgrade.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PLAN_ID", id);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
