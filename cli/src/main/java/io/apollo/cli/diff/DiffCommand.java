package io.apollo.cli.diff;

import io.apollo.cli.Workers;
import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.plan.Instants;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.RepoOption;
import io.apollo.cli.output.Json;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.FileTreeSource;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.core.plan.PlanningResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code apollo diff}: the fleet's "terraform plan" for a pull request. Loads the base commit and the head (a
 * commit, or the working folder), plans both against the same reported state at the same instant, and prints the
 * plans that appear, disappear or change and the entities that become invalid. Reported state is {@code --reported
 * FILE}, else the configured hub's ({@code --hub}, {@code APOLLO_HUB}, the config file), else none; the output
 * says which. Exit 0 no change, 3 changes, 1 the
 * head adds problems (or the command failed), 2 usage.
 */
@Command(
    name = "diff",
    description = "Show what merging a change would do to the fleet's plans (for pull requests and CI).",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:no change to the plans", "3:plans appear, disappear or change",
        "1:the head adds problems, or the diff could not be made", "2:usage error"},
    footer = {"", "Examples:", "  apollo diff               # the working folder against origin/main",
        "  apollo diff --hub http://127.0.0.1:8080  # plan against the hub's reports",
        "  apollo diff --base origin/main --head HEAD --reported reports.json \\",
        "      --output markdown > comment.md"})
public final class DiffCommand implements Callable<Integer> {
  /** Exit code when the plans differ: a CI job can tell "changes" from "failed". */
  public static final int EXIT_CHANGES = 3;

  @Option(names = "--base", defaultValue = "origin/main", paramLabel = "REF",
      description = "The commit merged into (default: origin/main).")
  String base;

  @Option(names = "--head", paramLabel = "REF", description = "The commit to merge (default: the working folder as it is).")
  String head;

  @Option(names = "--reported", paramLabel = "FILE",
      description = "Reported state: JSON spoke report(s). Default: the hub's (--hub, APOLLO_HUB, config file),"
          + " else nothing runs anywhere.")
  Path reported;

  @Option(names = "--at", paramLabel = "INSTANT", converter = Instants.class,
      description = "Plan both as of this instant (RFC 3339). Default: now.")
  Instant at;

  @Mixin HubOption hub;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.MARKDOWN);
    if (reported != null && !Files.isRegularFile(reported)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--reported " + reported
          + ": no such file; give a JSON file of spoke reports (see docs/reported-state.md)");
    }
    ConfigRepo config = repo.open(spec.commandLine().getErr());
    Instant when = at != null ? at : Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
    String baseCommit = config.resolve(base);
    LoadResult before = config.load(baseCommit);
    LoadResult after;
    String headName;
    if (head == null) {
      after = Workers.withOnePerCore(pool -> ConfigLoader.withDefaults().load(
          new FileTreeSource(config.root(), YamlLimits.defaults().maxFileBytes()), pool));
      headName = "working folder";
    } else {
      String headCommit = config.resolve(head);
      after = config.load(headCommit);
      headName = head + " (" + headCommit.substring(0, 7) + ")";
    }
    ReportedSource source = reportedSource(after);
    source.leftOut().forEach(why -> spec.commandLine().getErr().println("warning: left out, as the hub leaves it"
        + " out: " + why));
    PlanningResult basePlans = source.plan(before.state(), when);
    PlanningResult headPlans = source.plan(after.state(), when);
    FleetDiff diff = FleetDiff.of(before, basePlans, after, headPlans);
    DiffReport report = new DiffReport(diff, base + " (" + baseCommit.substring(0, 7) + ")", headName, when, source);
    switch (format) {
      case JSON -> spec.commandLine().getOut().println(Json.write(report.json()));
      case MARKDOWN -> spec.commandLine().getOut().print(report.markdown());
      case TABLE -> spec.commandLine().getOut().print(report.table());
    }
    if (!diff.newProblems().isEmpty()) {
      return 1;
    }
    return diff.plans().isEmpty() && diff.newlyInvalid().isEmpty() ? 0 : EXIT_CHANGES;
  }

  /** {@code --reported FILE} first; else the configured hub; else nothing runs. */
  private ReportedSource reportedSource(LoadResult head) {
    if (reported != null) {
      return ReportedSource.file(reported, head.state());
    }
    Optional<HubClient> client = hub.client();
    return client.map(c -> ReportedSource.hub(c, head.state())).orElseGet(ReportedSource::none);
  }
}
