package io.apollo.reconciler.loop;

import static io.apollo.reconciler.testing.GitFixture.ALICE;
import static io.apollo.reconciler.testing.GitFixture.BOB;
import static io.apollo.reconciler.testing.GitFixture.CAROL;
import static io.apollo.reconciler.testing.GitFixture.HUB;
import static io.apollo.reconciler.testing.GitFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.gitsync.FileWrite;
import io.apollo.reconciler.gitsync.GitSettings;
import io.apollo.reconciler.gitsync.JGitConfigRepository;
import io.apollo.reconciler.gitsync.PlanEdits;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.testing.GitCli;
import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.GitFixture.Person;
import io.apollo.reconciler.testing.SshSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "Done when": approvals signed with real keys ({@code ssh-keygen -t ed25519}, one {@code -t ecdsa}) and
 * real {@code git commit -S} / {@code git merge --no-ff -S}, judged by the hub from git alone (its own bare clone,
 * JGit), bound to the commit it proposed the plan with. Each case is cross-checked with {@code git verify-commit}
 * against an {@code allowed_signers} file holding every key, so that "valid signature" means what git says it means.
 */
class SignedApprovalsIT {
  private static final String ID = "p1";
  private static final String BRANCH = "apollo/plan/" + ID;
  private static final String PATH = "plans/production/" + ID + ".yaml";
  private static final Person FORGE = new Person("Hosted Git", "noreply@forge.example");

  @TempDir static Path keys;
  private static SshSigner alice;
  private static SshSigner bob;
  private static SshSigner carol;
  private static SshSigner mallory;
  private static SshSigner forge;
  private static Path allowedSigners;

  @TempDir Path temp;
  private GitFixture repo;
  private JGitConfigRepository hub;
  private String proposal;

  @BeforeAll
  static void makeKeys() throws IOException {
    alice = SshSigner.make(keys, ALICE, "ed25519");
    bob = SshSigner.make(keys, BOB, "ecdsa");
    carol = SshSigner.make(keys, CAROL, "ed25519");
    mallory = SshSigner.make(keys, MALLORY, "ed25519");
    forge = SshSigner.make(keys, FORGE, "ed25519");
    allowedSigners = Files.writeString(keys.resolve("allowed_signers"), String.join("\n",
        List.of(alice.allowedSigner(), bob.allowedSigner(), carol.allowedSigner(), mallory.allowedSigner(),
            forge.allowedSigner())) + "\n");
  }

  /** Members list their keys on main (which turns signatures on), then the hub proposes the plan. */
  @BeforeEach
  void proposeAPlanInARepoWithKeys() {
    repo = GitFixture.fromSampleRepo(temp);
    repo.commitAndPush(CAROL, "Members sign their approvals", Map.of("policies/roles.yaml", roles(true)));
    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main",
        repo.newFolder("hub").resolve("clone")));
    hub.fetch();
    proposal = hub.propose(BRANCH, List.of(new FileWrite(PATH, planText())), "Propose the catalog upgrade")
        .orElseThrow();
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  // ---- approved

  @Test
  void aSignedApprovalCommitOnThePlanBranchApprovesWhoeverMergesAfterIt() {
    String approval = approveOnBranch(alice, ALICE, Optional.of("sre"));
    String merge = repo.mergeNoFf(BOB, BRANCH);

    List<StoredApproval> seen = judged();

    assertAccepted(seen, ALICE, "sre", approval, alice);
    assertRefused(seen, merge, "UNSIGNED");
    assertVerifyCommit(approval, ALICE);
    assertVerifyCommitFails(merge);
  }

  @Test
  void aSignedMergeByAMemberApprovesAsThatMemberWithTheirEcdsaKey() {
    String merge = mergeSigned(bob, BOB);

    List<StoredApproval> seen = judged();

    assertAccepted(seen, BOB, "sre", merge, bob);
    assertVerifyCommit(merge, BOB);
  }

  @Test
  void anApprovalCommitThenAMergeSignedByTheForgesKeyApprovesAsTheMember() {
    String approval = approveOnBranch(alice, ALICE, Optional.of("sre"));
    String merge = mergeSigned(forge, FORGE);

    List<StoredApproval> seen = judged();

    assertAccepted(seen, ALICE, "sre", approval, alice);
    assertRefused(seen, merge, "KEY_NOT_OF_MEMBER");
    assertVerifyCommit(approval, ALICE);
    assertVerifyCommit(merge, FORGE);
  }

  // ---- pending, with the reason

  @Test
  void anUnsignedMergeWithAMembersEmailApprovesNothing() {
    String merge = repo.mergeNoFf(ALICE, BRANCH);

    List<StoredApproval> seen = judged();

    assertNothingAccepted(seen);
    assertRefused(seen, merge, "UNSIGNED");
    assertVerifyCommitFails(merge);
  }

  @Test
  void aNonMembersKeySigningAnEntryByAMemberIsNotTheMembersKey() {
    String approval = approveOnBranch(mallory, MALLORY, Optional.of("sre"), ALICE.email());
    repo.mergeNoFf(BOB, BRANCH);

    List<StoredApproval> seen = judged();

    assertNothingAccepted(seen);
    assertRefused(seen, approval, "KEY_NOT_OF_MEMBER");
    assertVerifyCommit(approval, MALLORY);
  }

  @Test
  void aMemberRemovedOnMainBeforeTheApprovalMergedWasNotAMemberThen() {
    String approval = approveOnBranch(alice, ALICE, Optional.of("sre"));
    repo.commitAndPush(CAROL, "Alice leaves sre", Map.of("policies/roles.yaml", roles(false)));
    repo.mergeNoFf(BOB, BRANCH);

    List<StoredApproval> seen = judged();

    assertNothingAccepted(seen);
    assertRefused(seen, approval, "NOT_A_MEMBER_THEN");
    assertVerifyCommit(approval, ALICE);
  }

  @Test
  void aCopyOfASignedCommitWithItsTreeChangedHasABadSignature() throws IOException {
    String approval = approveOnBranch(alice, ALICE, Optional.of("sre"));
    // Mallory keeps Alice's signature and message but points the commit at a tree that claims vp-engineering too.
    repo.write(PATH, repo.read(PATH) + "  - by: " + ALICE.email() + "\n    role: vp-engineering\n");
    GitFixture.git(repo.work(), "add", "-A");
    String tree = GitFixture.git(repo.work(), "write-tree").strip();
    String raw = GitFixture.git(repo.work(), "cat-file", "commit", approval);
    Path copy = Files.writeString(temp.resolve("copy.commit"), raw.replaceFirst("tree [0-9a-f]+", "tree " + tree));
    String forged = GitFixture.git(repo.work(), "hash-object", "-t", "commit", "-w", copy.toString()).strip();
    GitFixture.git(repo.work(), "reset", "-q", "--hard");
    GitFixture.git(repo.work(), "push", "-q", "origin", forged + ":refs/heads/apollo/plan/p1-copy");
    repo.mergeNoFf(MALLORY, "apollo/plan/p1-copy");

    List<StoredApproval> seen = judged();

    assertNothingAccepted(seen);
    assertRefused(seen, forged, "BAD_SIGNATURE");
    assertVerifyCommitFails(forged);
  }

  @Test
  void aSignedApprovalOfAnEditedPlanIsRefused() {
    branchCheckout();
    repo.edit(PATH, "toVersion: 2.4.0", "toVersion: 2.5.0").writeApproval(PATH, ALICE.email(), Optional.of("sre"));
    GitFixture.git(repo.work(), "add", "-A");
    alice.git(repo.work(), "commit", "-q", "-S", "-m", "Approve, and take 2.5.0 instead");
    String approval = pushBranch();
    repo.mergeNoFf(BOB, BRANCH);

    List<StoredApproval> seen = judged();

    assertNothingAccepted(seen);
    assertRefused(seen, approval, "PLAN_EDITED");
    assertVerifyCommit(approval, ALICE);
  }

  @Test
  void aSignedApprovalOfAnOlderProposalIsNotFromTheProposal() {
    // The same plan file proposed by an earlier commit (the hub's identity, on main as it was before).
    repo.pull();
    GitFixture.git(repo.work(), "checkout", "-q", "-b", "older", "HEAD~1");
    repo.write(PATH, planText());
    String older = repo.commitAll(HUB, "Apollo: propose (an earlier proposal)");
    repo.writeApproval(PATH, ALICE.email(), Optional.of("sre"));
    GitFixture.git(repo.work(), "add", "-A");
    alice.git(repo.work(), "commit", "-q", "-S", "-m", "Approve the earlier proposal");
    String approval = GitFixture.git(repo.work(), "rev-parse", "HEAD").strip();
    GitFixture.git(repo.work(), "push", "-q", "origin", "HEAD:refs/heads/apollo/plan/p1-older");
    repo.mergeNoFf(BOB, "apollo/plan/p1-older");

    List<StoredApproval> seen = judged();

    assertThat(older).isNotEqualTo(proposal);
    assertNothingAccepted(seen);
    assertRefused(seen, approval, "NOT_FROM_PROPOSAL");
    assertVerifyCommit(approval, ALICE);
  }

  @Test
  void aSignedSquashMergeIsNotFromTheProposal() {
    approveOnBranch(alice, ALICE, Optional.of("sre"));
    repo.pull();
    GitFixture.git(repo.work(), "merge", "-q", "--squash", "origin/" + BRANCH);
    GitFixture.git(repo.work(), "add", "-A");
    bob.git(repo.work(), "commit", "-q", "-S", "-m", "Approve " + BRANCH + " (squashed)");
    String squash = GitFixture.git(repo.work(), "rev-parse", "HEAD").strip();
    repo.push();

    List<StoredApproval> seen = judged();

    assertNothingAccepted(seen);
    assertThat(seen).filteredOn(a -> a.commit().equals(squash)).extracting(a -> a.refusalReason().orElseThrow())
        .contains("NOT_FROM_PROPOSAL");
    assertVerifyCommit(squash, BOB);
  }

  @Test
  void anSshSignatureMadeForAnotherNamespaceIsRefused() throws IOException {
    branchCheckout();
    repo.writeApproval(PATH, ALICE.email(), Optional.of("sre"));
    GitFixture.git(repo.work(), "add", "-A");
    ALICE.git(repo.work(), "commit", "-q", "-m", "Approve (signed for files, not git)");
    // Alice's real key, but ssh-keygen -Y sign -n file: a signature she made for a file, pasted into a commit.
    String raw = GitFixture.git(repo.work(), "cat-file", "commit", "HEAD");
    Path payload = Files.writeString(temp.resolve("payload"), raw);
    GitCli.Result signed = GitCli.run(temp, List.of("ssh-keygen", "-q", "-Y", "sign", "-n", "file", "-f",
        alice.key().toString(), payload.toString()));
    assertThat(signed.exit()).as(signed.err()).isZero();
    String signature = Files.readString(temp.resolve("payload.sig")).strip().replace("\n", "\n ");
    int end = raw.indexOf("\n\n");
    Path commit = Files.writeString(temp.resolve("ns.commit"),
        raw.substring(0, end) + "\ngpgsig " + signature + raw.substring(end));
    String approval = GitFixture.git(repo.work(), "hash-object", "-t", "commit", "-w", commit.toString()).strip();
    GitFixture.git(repo.work(), "push", "-q", "origin", approval + ":refs/heads/" + BRANCH);
    repo.mergeNoFf(BOB, BRANCH);

    List<StoredApproval> seen = judged();

    assertNothingAccepted(seen);
    assertRefused(seen, approval, "WRONG_NAMESPACE");
    assertVerifyCommitFails(approval);
  }

  // ---- repositories without keys

  @Test
  void aRepoWhoseMembersListNoKeysJudgesByAuthorAsBefore() {
    repo.commitAndPush(CAROL, "No keys yet", Map.of("policies/roles.yaml",
        roles(true).replaceAll("(?m)^      signingKeys:.*\\n", "")));
    String merge = repo.mergeNoFf(ALICE, BRANCH);

    List<StoredApproval> seen = judged();

    assertThat(seen).singleElement().satisfies(a -> {
      assertThat(a.accepted()).isTrue();
      assertThat(a.by()).isEqualTo(ALICE.email());
      assertThat(a.role()).contains("sre");
      assertThat(a.commit()).isEqualTo(merge);
      assertThat(a.keyFingerprint()).isEmpty();
    });
  }

  // ---- helpers

  private List<StoredApproval> judged() {
    String head = hub.fetch().head();
    return GitApprovals.seen(hub.plansOnBranch(head),
        (plan, commit) -> PlanEdits.changedFields(planText(), plan.contentAt(commit)), Map.of(ID, proposal));
  }

  private String approveOnBranch(SshSigner signer, Person author, Optional<String> role) {
    return approveOnBranch(signer, author, role, author.email());
  }

  /** {@code apollo plan approve} by hand: an entry on the plan branch in a commit signed by {@code signer}. */
  private String approveOnBranch(SshSigner signer, Person author, Optional<String> role, String by) {
    branchCheckout();
    repo.writeApproval(PATH, by, role);
    GitFixture.git(repo.work(), "add", "-A");
    signer.git(repo.work(), "commit", "-q", "-S", "-m", "Approve " + ID + " as " + by);
    return pushBranch();
  }

  private String mergeSigned(SshSigner signer, Person author) {
    repo.pull();
    signer.git(repo.work(), "merge", "-q", "--no-ff", "-S", "-m", "Merge branch '" + BRANCH + "'",
        "origin/" + BRANCH);
    String merge = GitFixture.git(repo.work(), "rev-parse", "HEAD").strip();
    repo.push();
    return merge;
  }

  private void branchCheckout() {
    GitFixture.git(repo.work(), "fetch", "-q", "origin");
    GitFixture.git(repo.work(), "checkout", "-q", "-B", BRANCH, "origin/" + BRANCH);
  }

  private String pushBranch() {
    GitFixture.git(repo.work(), "push", "-q", "origin", "HEAD:refs/heads/" + BRANCH);
    return GitFixture.git(repo.work(), "rev-parse", "HEAD").strip();
  }

  private static void assertAccepted(List<StoredApproval> seen, Person by, String role, String commit,
      SshSigner key) {
    assertThat(seen).filteredOn(StoredApproval::accepted).anySatisfy(a -> {
      assertThat(a.by()).isEqualToIgnoringCase(by.email());
      assertThat(a.role()).contains(role);
      assertThat(a.commit()).isEqualTo(commit);
      assertThat(a.keyFingerprint()).contains(key.fingerprint());
    });
  }

  private static void assertNothingAccepted(List<StoredApproval> seen) {
    assertThat(seen).as("approvals seen").isNotEmpty().noneMatch(StoredApproval::accepted);
  }

  private static void assertRefused(List<StoredApproval> seen, String commit, String reason) {
    assertThat(seen).filteredOn(a -> a.commit().equals(commit)).as("approvals of commit %s in %s", commit, seen)
        .isNotEmpty().allSatisfy(a -> {
          assertThat(a.accepted()).isFalse();
          assertThat(a.refusalReason()).contains(reason);
          assertThat(a.refusal()).isPresent();
        });
  }

  /** git itself finds a good signature on {@code commit} by {@code signer}'s key. */
  private void assertVerifyCommit(String commit, Person signer) {
    GitCli.Result r = verifyCommit(commit);
    assertThat(r.exit()).as("git verify-commit %s: %s", commit, r.err()).isZero();
    assertThat(r.err()).contains("Good \"git\" signature for " + signer.email());
  }

  /** git itself finds no good signature on {@code commit}. */
  private void assertVerifyCommitFails(String commit) {
    GitCli.Result r = verifyCommit(commit);
    assertThat(r.exit()).as("git verify-commit %s: %s", commit, r.err()).isNotZero();
  }

  private GitCli.Result verifyCommit(String commit) {
    return GitCli.run(repo.work(), List.of("git", "-c", "gpg.format=ssh", "-c",
        "gpg.ssh.allowedSignersFile=" + allowedSigners, "verify-commit", commit));
  }

  /** sample-repo's roles, with keys: alice (ed25519) and bob (ecdsa) in sre, carol in vp-engineering. */
  private static String roles(boolean aliceInSre) {
    return "apiVersion: apollo/v1\nkind: Role\nmetadata:\n  name: sre\nspec:\n  members:\n"
        + (aliceInSre ? "    - email: " + ALICE.email() + "\n      signingKeys: ['" + alice.publicKey() + "']\n" : "")
        + "    - email: " + BOB.email() + "\n      signingKeys: ['" + bob.publicKey() + "']\n"
        + "---\napiVersion: apollo/v1\nkind: Role\nmetadata:\n  name: vp-engineering\nspec:\n  members:\n"
        + "    - email: " + CAROL.email() + "\n      signingKeys: ['" + carol.publicKey() + "']\n";
  }

  private static String planText() {
    try (InputStream in = SignedApprovalsIT.class.getResourceAsStream("/gitsync/plan-upgrade.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PLAN_ID", ID);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
