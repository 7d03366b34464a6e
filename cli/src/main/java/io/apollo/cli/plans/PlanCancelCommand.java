package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Git;
import io.apollo.cli.repo.RepoOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apollo plan cancel PLAN_ID --reason R}: withdraws a proposal by deleting its branch {@code apollo/plan/<id>}
 * on the remote and here; the hub records the plan CANCELLED at its next fetch. A plan on main is approved already
 * and cannot be cancelled this way. Exit 0, 1 refused, 2 usage.
 */
@Command(
    name = "cancel",
    description = "Withdraw a proposed plan: delete its branch apollo/plan/<id>.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo plan cancel pl-3f2a9c0d1e4b5a67 --reason \"no longer needed\""})
public final class PlanCancelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN_ID", description = "The plan's id.")
  String id;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the people who read it.")
  String reason;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    PlanIdsArg.require(spec, id);
    ConfigRepo config = repo.open(spec.commandLine().getErr());
    GitPlans.fetch(config);
    ConfigRepo.Snapshot head = config.snapshot();
    GitPlan plan = GitPlans.find(head, id).orElseThrow(() -> PlanIdsArg.unknown(id));
    if (plan.onMain()) {
      throw new CliException("plan " + id + " is on main (" + plan.path() + "): it is approved, and cancel only"
          + " withdraws a proposal. To undo its change, propose the way back: apollo plan create --entity "
          + plan.entity() + " --type rollback --target-version " + plan.fromVersion().orElse("VERSION"));
    }
    Git git = config.git();
    List<String> deleted = new ArrayList<>();
    if (config.remote().isPresent()) {
      String remote = config.remote().get();
      if (!git.run("ls-remote", "--heads", remote, "refs/heads/" + plan.branch()).isBlank()) {
        git.run("push", "--quiet", remote, "--delete", plan.branch());
        deleted.add(remote + "/" + plan.branch());
      }
      git.tryRun("update-ref", "-d", "refs/remotes/" + remote + "/" + plan.branch());
    }
    if (git.tryRun("rev-parse", "--verify", "--quiet", "refs/heads/" + plan.branch()).ok()) {
      git.run("update-ref", "-d", "refs/heads/" + plan.branch());
      deleted.add(plan.branch() + " (local)");
    }
    if (format == OutputFormat.JSON) {
      var node = Json.object().put("plan", id).put("reason", reason);
      var list = node.putArray("deleted");
      deleted.forEach(list::add);
      spec.commandLine().getOut().println(Json.write(node));
    } else {
      spec.commandLine().getOut().print("Cancelled " + id + " (" + reason + "): deleted branch "
          + String.join(" and ", deleted) + ".\nThe hub records it CANCELLED at its next fetch; it proposes the"
          + " change again only if desired state still asks for it.\n");
    }
    return 0;
  }
}
