package io.apollo.cli.release;

import io.apollo.cli.CliException;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.ReleaseHold;
import io.apollo.core.rollout.HoldFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apollo release hold RELEASE_ID --environment E --reason R}: holds a release back in some environments (all
 * when none is given) by committing a {@code ReleaseHold} under {@code holds/}, as the hub does when a canary fails
 * on it. The release is no target there until {@code apollo release unhold}. Exit 0, 1 refused, 2 usage error.
 */
@Command(
    name = "hold",
    description = "Hold a release back in environments: it is no target there until unheld.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo release hold com.example:catalog-service:2.1.0 --environment production \\",
        "      --reason \"latency regression seen in staging\""})
public final class ReleaseHoldCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RELEASE_ID", description = "group:artifact:version.")
  String release;

  @Option(names = "--environment", paramLabel = "ENV",
      description = "An environment it is held from (repeatable; default: every environment).")
  List<String> environments = new ArrayList<>();

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the people who read it.")
  String reason;

  @Mixin ChangeOptions change;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    ReleaseId id = Releases.parseId(spec, release);
    if (reason.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--reason must say why the release is held");
    }
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    ConfigRepo.Snapshot head = repo.snapshot();
    Releases.require(head.state(), id);
    Set<String> where = new TreeSet<>(environments);
    for (String environment : where) {
      if (!head.state().environments().containsKey(environment)) {
        throw new CliException("--environment " + environment + ": no such environment (environments: "
            + String.join(", ", head.state().environments().keySet()) + ")");
      }
    }
    // "" stands for every environment: only a hold of every environment holds it there already.
    boolean already = (where.isEmpty() ? Set.of("") : where).stream()
        .allMatch(env -> head.state().hold(id.product(), id.version(), env).isPresent());
    if (already) {
      throw new CliException(id + " is already held" + (where.isEmpty() ? "" : " in " + String.join(", ", where)));
    }
    // The same document the hub writes for a halt, by a person rather than a canary.
    String name = HoldFile.name(id.product(), id.version(), where);
    String path = HoldFile.path(name);
    String text = HoldFile.render(new ReleaseHold(Metadata.named(name), id.product(), id.version(), where, reason,
        Optional.empty(), Origin.of(path)), "Written by apollo release hold.", Instant.now());
    String message = "Hold " + id + (where.isEmpty() ? "" : " in " + String.join(", ", where)) + ": " + reason
        + "\n\nMade with apollo release hold.";
    Outcome outcome = change.apply(repo, Change.write(message, Map.of(path, text), "hold-" + name));
    ReleaseCreateCommand.print(spec, format, id, outcome, message);
    return 0;
  }
}
