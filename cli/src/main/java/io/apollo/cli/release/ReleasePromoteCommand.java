package io.apollo.cli.release;

import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.core.config.Release;
import io.apollo.core.version.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apollo release promote RELEASE_ID --channel C}: adds a channel to a release (it stays on the ones it had, so
 * followers of those keep it). Exit 0 committed or already there, 1 refused, 2 usage error.
 */
@Command(
    name = "promote",
    description = "Put a release on a further channel (e.g. beta to stable) and commit it.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo release promote com.example:catalog-service:2.1.0 --channel stable"})
public final class ReleasePromoteCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RELEASE_ID", description = "group:artifact:version.")
  String release;

  @Option(names = "--channel", required = true, paramLabel = "CHANNEL", description = "dev, beta or stable.")
  String channel;

  @Mixin ChangeOptions change;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    ReleaseId id = Releases.parseId(spec, release);
    Channel target = Releases.parseChannel(spec, channel);
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    ConfigRepo.Snapshot head = repo.snapshot();
    Release found = Releases.require(head.state(), id);
    Releases.requireAccepts(target, id.version());
    if (found.channels().contains(target)) {
      if (format == OutputFormat.JSON) {
        spec.commandLine().getOut().println(Json.write(Json.object().put("release", id.toString())
            .put("channel", target.wireName()).put("changed", false)));
      } else {
        spec.commandLine().getOut().println(id + " is already on " + target + "; nothing to commit.");
      }
      return 0;
    }
    List<String> current = found.sortedChannels().stream().map(Channel::wireName).toList();
    List<String> wanted = new ArrayList<>(current);
    wanted.add(target.wireName());
    wanted.sort((a, b) -> Channel.fromWireName(a).orElseThrow().compareTo(Channel.fromWireName(b).orElseThrow()));
    String text = Releases.document(head, found).setSpecList("channels", current, wanted).fileText();
    String message = "Promote " + id + " to " + target + "\n\nMade with apollo release promote.";
    Outcome outcome = change.apply(repo, Change.write(message, Map.of(found.origin().path(), text),
        "promote-" + id.product().artifact() + "-" + id.version() + "-" + target));
    ReleaseCreateCommand.print(spec, format, id, outcome, message);
    return 0;
  }
}
