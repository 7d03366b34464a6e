package io.apollo.cli.release;

import io.apollo.cli.CliException;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.core.config.Release;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code apollo release deprecate RELEASE_ID --reason R}: recalls a release. It is never a target again; channel
 * followers running it roll off it, and a pin to it becomes an error to fix. Exit 0, 1 refused, 2 usage error.
 */
@Command(
    name = "deprecate",
    description = "Recall a release: it is never deployed again and entities on it roll off it.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo release deprecate com.example:catalog-service:2.1.0 --reason \"CVE-2024-XXX\""})
public final class ReleaseDeprecateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RELEASE_ID", description = "group:artifact:version.")
  String release;

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
      throw new CommandLine.ParameterException(spec.commandLine(), "--reason must say why the release is recalled");
    }
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    ConfigRepo.Snapshot head = repo.snapshot();
    Release found = Releases.require(head.state(), id);
    if (found.isRecalled()) {
      throw new CliException(id + " is already recalled (" + found.recalled().orElseThrow().reason() + "), in "
          + found.origin());
    }
    String quoted = JsonNodeFactory.instance.stringNode(reason).toString();
    String text = Releases.document(head, found)
        .insertUnderSpec(List.of("recalled:", "  reason: " + quoted)).fileText();
    String message = "Recall " + id + ": " + reason + "\n\nMade with apollo release deprecate.";
    Outcome outcome = change.apply(repo, Change.write(message, Map.of(found.origin().path(), text),
        "recall-" + id.product().artifact() + "-" + id.version()));
    ReleaseCreateCommand.print(spec, format, id, outcome, message);
    List<String> pinned = head.state().entities().values().stream()
        .filter(e -> e.product().equals(id.product()) && e.version().filter(v -> v.compareTo(id.version()) == 0)
            .isPresent())
        .map(e -> e.id() + " (" + e.origin() + ")").toList();
    if (!pinned.isEmpty() && format != OutputFormat.JSON) {
      spec.commandLine().getOut().println("Pinned to it, to move by changing their pin: " + String.join(", ", pinned));
    }
    return 0;
  }
}
