package io.apollo.cli.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code apollo plan create|list|get|approve|cancel} through git, as DESIGN.md section 4 says: proposals on
 * {@code apollo/plan/<id>} branches of a real bare origin, approval by a {@code --no-ff} merge authored by the
 * approver, further roles by {@code spec.approvals} entries, cancel by deleting the branch.
 */
class PlanCommandsIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ALICE_SRE = "alice.nguyen@example.com";
  private static final String CAROL_VP = "carol.diaz@example.com";

  @TempDir Path temp;

  GitFixture repo;

  @BeforeEach
  void makeRepo() {
    repo = GitFixture.ofSampleRepo(temp);
  }

  private CliRun apollo(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--repo";
    all[args.length + 1] = repo.work().toString();
    return CliRun.of(all);
  }

  private String create(String entity, String type, String to, String from) throws Exception {
    CliRun run = apollo("plan", "create", "--entity", entity, "--type", type, "--target-version", to,
        "--from-version", from, "--output", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out()).path("plan").asString();
  }

  @Test
  void aProposalIsApprovedByMergingItsBranchAsTheApprover() throws Exception {
    String main = repo.originHead();
    String id = create("production/catalog-service", "rollback", "2.0.0", "2.1.0");
    assertThat(repo.originHead()).as("a plan that needs approval is proposed, not committed").isEqualTo(main);
    assertThat(repo.originFilesChanged("apollo/plan/" + id)).containsExactly("plans/production/" + id + ".yaml");
    assertThat(repo.originFile("apollo/plan/" + id, "plans/production/" + id + ".yaml"))
        .contains("type: rollback").contains("fromVersion: 2.1.0").contains("toVersion: 2.0.0")
        .contains("- vp-engineering");

    CliRun pending = apollo("plan", "list", "--state", "pending");
    assertThat(pending.exitCode()).as(pending.err()).isZero();
    assertThat(pending.out()).startsWith("PLAN").contains(id).contains("PENDING")
        .contains("awaiting approval on apollo/plan/" + id + " by vp-engineering");

    CliRun get = apollo("plan", "get", id, "--output", "json");
    assertThat(JSON.readTree(get.out()).path("where").asString()).isEqualTo("apollo/plan/" + id);

    CliRun notAVp = apollo("plan", "approve", id, "--by", ALICE_SRE);
    assertThat(notAVp.exitCode()).isEqualTo(1);
    assertThat(notAVp.err()).contains("holds none of the roles").contains(CAROL_VP);
    assertThat(repo.originHead()).isEqualTo(main);

    GitFixture.git(repo.work(), "switch", "--quiet", "-c", "feature");
    CliRun elsewhere = apollo("plan", "approve", id, "--by", CAROL_VP);
    assertThat(elsewhere.exitCode()).isEqualTo(1);
    assertThat(elsewhere.err()).contains("approvals land on main").contains("git switch main");
    GitFixture.git(repo.work(), "switch", "--quiet", "main");

    CliRun approve = apollo("plan", "approve", id, "--by", CAROL_VP);
    assertThat(approve.exitCode()).as(approve.err()).isZero();
    assertThat(approve.out()).contains("Approved " + id + " as " + CAROL_VP + " for vp-engineering");
    assertThat(repo.originLog("main", "%ae|%P")).startsWith(CAROL_VP + "|")
        .satisfies(line -> assertThat(line.substring(line.indexOf('|') + 1).split(" ")).hasSize(2));
    assertThat(repo.originLog("main", "%ce")).isEqualTo(GitFixture.USER_EMAIL);
    assertThat(repo.originFilesChanged("main")).containsExactly("plans/production/" + id + ".yaml");

    CliRun onMain = apollo("plan", "list", "--output", "json");
    JsonNode plan = JSON.readTree(onMain.out()).path("plans").get(0);
    assertThat(plan.path("id").asString()).isEqualTo(id);
    assertThat(plan.path("state").asString()).isEqualTo("APPROVED");

    CliRun again = apollo("plan", "approve", id, "--by", CAROL_VP);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("approved already");
  }

  /** Issue 15: where members list keys, approve signs with the person's git signing config, or refuses. */
  @Test
  void whereApprovalsMustBeSignedApproveSignsWithTheUsersSshKey() throws Exception {
    Path key = temp.resolve("carol_ed25519");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", CAROL_VP, "-f",
        key.toString()).redirectErrorStream(true).start();
    assertThat(keygen.waitFor()).isZero();
    String publicKey = java.nio.file.Files.readString(Path.of(key + ".pub")).strip();
    Path roles = repo.work().resolve("policies/roles.yaml");
    GitFixture.write(roles, java.nio.file.Files.readString(roles).replace("    - email: " + CAROL_VP + "\n",
        "    - email: " + CAROL_VP + "\n      signingKeys: ['" + publicKey + "']\n"));
    GitFixture.git(repo.work(), "commit", "-q", "-am", "Carol signs her approvals");
    GitFixture.git(repo.work(), "push", "-q", "origin", "main");
    String id = create("production/catalog-service", "rollback", "2.0.0", "2.1.0");
    String main = repo.originHead();

    CliRun unsigned = apollo("plan", "approve", id, "--by", CAROL_VP);
    assertThat(unsigned.exitCode()).isEqualTo(1);
    assertThat(unsigned.err()).contains("approvals must be signed").contains("user.signingkey");
    assertThat(repo.originHead()).isEqualTo(main);

    GitFixture.git(repo.work(), "config", "gpg.format", "ssh");
    GitFixture.git(repo.work(), "config", "user.signingkey", key + ".pub");
    CliRun approve = apollo("plan", "approve", id, "--by", CAROL_VP);
    assertThat(approve.exitCode()).as(approve.err()).isZero();

    Path allowed = temp.resolve("allowed_signers");
    GitFixture.write(allowed, CAROL_VP + " namespaces=\"git\" " + publicKey + "\n");
    assertThat(GitFixture.git(repo.work(), "-c", "gpg.ssh.allowedSignersFile=" + allowed, "verify-commit",
        repo.originHead())).contains("Good \"git\" signature for " + CAROL_VP);
  }

  @Test
  void aFurtherRoleIsAnApprovalEntryCommittedByItsApprover() throws Exception {
    String id = create("production/catalog-service", "upgrade", "2.2.0-rc1", "2.1.0");
    CliRun first = apollo("plan", "approve", id, "--by", ALICE_SRE);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("for sre");

    CliRun second = apollo("plan", "approve", id, "--by", CAROL_VP);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(repo.originLog("main", "%ae|%s")).isEqualTo(CAROL_VP + "|Approve " + id
        + ": upgrade production/catalog-service 2.1.0 -> 2.2.0-rc1 for vp-engineering");
    String file = repo.originFile("main", "plans/production/" + id + ".yaml");
    assertThat(file).startsWith("# Written by the Apollo hub").contains("approvals:")
        .contains("by: " + CAROL_VP).contains("role: vp-engineering");

    CliRun third = apollo("plan", "approve", id, "--by", "bob.okafor@example.com");
    assertThat(third.exitCode()).isZero();
    assertThat(third.out()).contains("approved already");

    CliRun validate = CliRun.of("validate", repo.work().toString());
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
  }

  @Test
  void cancelDeletesTheProposalsBranchAndRefusesAnApprovedPlan() throws Exception {
    String id = create("staging/catalog-service", "rollback", "2.0.0", "2.1.0");
    CliRun cancel = apollo("plan", "cancel", id, "--reason", "no longer needed");
    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.out()).contains("Cancelled " + id + " (no longer needed): deleted branch origin/apollo/plan/"
        + id);
    assertThat(GitFixture.git(repo.origin(), "branch", "--list", "apollo/plan/*")).isEmpty();
    CliRun gone = apollo("plan", "get", id);
    assertThat(gone.exitCode()).isEqualTo(1);

    String auto = create("staging/auth-service", "rollback", "1.2.0", "1.3.1");
    assertThat(repo.originFilesChanged("main")).as("a plan needing no approval goes to main")
        .containsExactly("plans/staging/" + auto + ".yaml");
    CliRun refused = apollo("plan", "cancel", auto, "--reason", "oops");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("is on main").contains("apollo plan create --entity staging/auth-service");
  }

  @Test
  void createRefusesBadInput() {
    String before = repo.originHead();
    assertThat(apollo("plan", "create", "--entity", "staging/nope", "--type", "rollback", "--target-version",
        "1.0.0").exitCode()).isEqualTo(1);
    assertThat(apollo("plan", "create", "--entity", "staging/auth-service", "--type", "sideways",
        "--target-version", "1.0.0").exitCode()).isEqualTo(2);
    CliRun recalled = apollo("plan", "create", "--entity", "staging/auth-service", "--type", "rollback",
        "--target-version", "1.3.0", "--from-version", "1.3.1");
    assertThat(recalled.exitCode()).isEqualTo(1);
    assertThat(recalled.err()).contains("is recalled");
    CliRun upward = apollo("plan", "create", "--entity", "staging/auth-service", "--type", "rollback",
        "--target-version", "1.3.1", "--from-version", "1.2.0");
    assertThat(upward.exitCode()).isEqualTo(1);
    assertThat(upward.err()).contains("a rollback goes to an older version");
    assertThat(apollo("plan", "get", "not-a-plan").exitCode()).isEqualTo(2);
    assertThat(repo.originHead()).isEqualTo(before);
  }

  @Test
  void previewStaysReachableUnderItsNewNameAndTheOldOne() {
    CliRun preview = CliRun.of("plan", "preview", "--repo", repo.work().toString(), "--at", "2026-12-05T03:00:00Z");
    CliRun old = CliRun.of("plan", "--repo", repo.work().toString(), "--at", "2026-12-05T03:00:00Z");
    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(preview.out()).startsWith("Plans at 2026-12-05T03:00:00Z").isEqualTo(old.out());
  }
}
