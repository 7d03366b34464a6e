package io.apollo.cli.release;

import io.apollo.cli.CliException;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.core.config.ReleaseHold;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apollo release unhold RELEASE_ID [--environment E]}: lifts the holds on a release (those naming the
 * environment, or all of them) by deleting their files in one commit. A hold the hub committed after a canary failed
 * stays lifted: the hub does not write it again for the same failure. Exit 0, 1 refused, 2 usage error.
 */
@Command(
    name = "unhold",
    description = "Lift the holds on a release (deletes their ReleaseHold files).",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo release unhold com.example:catalog-service:2.1.0"})
public final class ReleaseUnholdCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RELEASE_ID", description = "group:artifact:version.")
  String release;

  @Option(names = "--environment", paramLabel = "ENV",
      description = "Lift only the holds that name this environment (default: every hold of the release).")
  String environment;

  @Mixin ChangeOptions change;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    ReleaseId id = Releases.parseId(spec, release);
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    ConfigRepo.Snapshot head = repo.snapshot();
    List<ReleaseHold> holds = head.state().holds().stream()
        .filter(h -> h.product().equals(id.product()) && h.version().compareTo(id.version()) == 0)
        .filter(h -> environment == null || h.environments().isEmpty() || h.environments().contains(environment))
        .toList();
    if (holds.isEmpty()) {
      throw new CliException(id + " is not held" + (environment == null ? "" : " in " + environment)
          + ": nothing to lift");
    }
    List<String> paths = new ArrayList<>();
    for (ReleaseHold h : holds) {
      if (!paths.contains(h.origin().path())) {
        paths.add(h.origin().path());
      }
    }
    String message = "Lift the hold on " + id + " (" + String.join(", ", paths) + ")\n\n"
        + String.join("\n", holds.stream().map(h -> "- " + h.reason()).toList())
        + "\n\nMade with apollo release unhold.";
    Outcome outcome = change.apply(repo, Change.delete(message, paths,
        "unhold-" + id.product().artifact() + "-" + id.version()));
    ReleaseCreateCommand.print(spec, format, id, outcome, message);
    return 0;
  }
}
