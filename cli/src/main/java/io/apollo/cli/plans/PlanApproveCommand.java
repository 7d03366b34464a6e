package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeCommitter;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.cli.repo.RepoOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apollo plan approve PLAN_ID --by EMAIL}: approval by git (DESIGN.md section 4). A proposed plan's branch
 * {@code apollo/plan/<id>} is merged into the checked-out branch with {@code --no-ff}, EMAIL the merge commit's
 * author; for a plan already on main, {@code {by: EMAIL, role: ROLE}} is appended to its {@code spec.approvals} in a
 * commit authored by EMAIL. Refused when EMAIL holds none of the roles still needed. The commit is signed with the
 * person's git signing config when they have one, and must be where the repository requires signed approvals
 * ({@link ApprovalSigning}). Exit 0, 1 refused, 2 usage.
 */
@Command(
    name = "approve",
    description = "Approve a plan: merge its branch as EMAIL, or add EMAIL's approval for a further role.",
    mixinStandardHelpOptions = true,
    footer = {"", "Examples:", "  apollo plan approve pl-3f2a9c0d1e4b5a67 --by ops@team.com",
        "  apollo plan approve pl-3f2a9c0d1e4b5a67 --by carol.diaz@example.com \\",
        "      --role vp-engineering"})
public final class PlanApproveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN_ID", description = "The plan's id (apollo plan list --state pending).")
  String id;

  @Option(names = "--by", required = true, paramLabel = "EMAIL",
      description = "The approver: the commit's author, who must hold a role the plan needs.")
  String by;

  @Option(names = "--role", paramLabel = "ROLE",
      description = "For a plan already on main: the role to approve for (default: the first missing one EMAIL holds).")
  String role;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    PlanIdsArg.require(spec, id);
    if (!by.matches("[^@\\s]+@[^@\\s]+")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--by '" + by + "' is not an email address");
    }
    ConfigRepo config = repo.open(spec.commandLine().getErr());
    requireMainLine(config);
    GitPlans.fetch(config);
    ConfigRepo.Snapshot head = config.snapshot();
    GitPlan plan = GitPlans.find(head, id).orElseThrow(() -> PlanIdsArg.unknown(id));
    Set<String> held = Approvers.rolesOf(head.state(), by);
    Set<String> required = new TreeSet<>(plan.requiredRoles());
    Change.Person author = new Change.Person(authorName(config), by);
    ChangeCommitter committer = new ChangeCommitter(config);
    boolean sign = ApprovalSigning.decide(config, head.state(), by);
    Set<String> met;
    String message;
    Outcome outcome;
    if (!plan.onMain()) {
      Set<String> counted = new TreeSet<>(held);
      counted.retainAll(required);
      if (!required.isEmpty() && counted.isEmpty()) {
        throw Approvers.nobodyFor(head.state(), by, required, "plan " + id + " needs");
      }
      message = "Approve " + describe(plan) + "\n\nMerge branch '" + plan.branch() + "': " + by + " approves"
          + (counted.isEmpty() ? "" : " for " + String.join(", ", counted)) + ".";
      outcome = committer.commit(Change.merge(message, config.resolve(plan.ref()), author, "approve-" + id)
          .signed(sign));
      met = counted;
    } else {
      Set<String> missing = new TreeSet<>(required);
      missing.removeAll(Approvers.metOnMain(head, plan));
      if (missing.isEmpty()) {
        spec.commandLine().getOut().println(id + " is approved already: every role it needs ("
            + (required.isEmpty() ? "none" : String.join(", ", required)) + ") is met; nothing to commit.");
        return 0;
      }
      String chosen = chooseRole(head, missing, held);
      String text = PlanApprovalEntry.append(head.text(plan.path()).orElseThrow(), by, chosen);
      message = "Approve " + describe(plan) + " for " + chosen + "\n\n" + by + " approves as " + chosen + ".";
      outcome = committer.commit(Change.write(message, Map.of(plan.path(), text), "approve-" + id)
          .authoredBy(author).signed(sign));
      met = Set.of(chosen);
    }
    if (format == OutputFormat.JSON) {
      var node = outcome.addTo(Json.object().put("plan", id).put("by", by));
      var roles = node.putArray("rolesApproved");
      met.forEach(roles::add);
      spec.commandLine().getOut().println(Json.write(node));
    } else {
      spec.commandLine().getOut().print("Approved " + id + " as " + by
          + (met.isEmpty() ? " (it needs no role)" : " for " + String.join(", ", met)) + ".\n"
          + outcome.describe(message) + "The hub sees the approval at its next fetch; apollo plan get " + id
          + " shows what is still missing.\n");
    }
    return 0;
  }

  private String chooseRole(ConfigRepo.Snapshot head, Set<String> missing, Set<String> held) {
    if (role != null) {
      if (!missing.contains(role)) {
        throw new CliException("plan " + id + " does not wait for " + role + " (it still needs "
            + String.join(", ", missing) + ")");
      }
      if (!held.contains(role)) {
        throw Approvers.nobodyFor(head.state(), by, Set.of(role), "asked for");
      }
      return role;
    }
    return missing.stream().filter(held::contains).findFirst()
        .orElseThrow(() -> Approvers.nobodyFor(head.state(), by, missing, "plan " + id + " still needs"));
  }

  /**
   * Approval lands on the line the hub reads: the remote's default branch (origin/HEAD), or main when the remote
   * does not say. Merging a plan into a feature branch would approve nothing.
   */
  private static void requireMainLine(ConfigRepo config) {
    String mainLine = config.remote()
        .map(r -> config.git().tryRun("symbolic-ref", "--quiet", "--short", "refs/remotes/" + r + "/HEAD"))
        .filter(io.apollo.cli.repo.Git.Result::ok)
        .map(result -> result.out().strip().substring(result.out().strip().indexOf('/') + 1))
        .orElse("main");
    String here = config.remoteBranch().or(config::branch).orElse("a detached HEAD");
    if (!here.equals(mainLine)) {
      throw new CliException("the checked-out branch goes to " + here + ", but approvals land on " + mainLine
          + ", the branch the hub reads; switch to it (git switch " + mainLine + ") and approve again");
    }
  }

  private static String describe(GitPlan plan) {
    return plan.id() + ": " + plan.type() + " " + plan.entity() + " " + plan.fromVersion().orElse("-") + " -> "
        + plan.toVersion().orElse("-");
  }

  /** The person's own name when EMAIL is theirs, else the email's local part: git needs a name beside it. */
  private String authorName(ConfigRepo config) {
    String ownEmail = config.git().tryRun("config", "user.email").out().strip();
    String ownName = config.git().tryRun("config", "user.name").out().strip();
    return ownEmail.equalsIgnoreCase(by) && !ownName.isEmpty() ? ownName : by.substring(0, by.indexOf('@'));
  }
}
