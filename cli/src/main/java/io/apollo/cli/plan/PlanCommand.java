package io.apollo.cli.plan;

import io.apollo.cli.ApolloCommand;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.core.load.Problem;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import io.apollo.cli.plans.PlanApproveCommand;
import io.apollo.cli.plans.PlanCancelCommand;
import io.apollo.cli.plans.PlanCreateCommand;
import io.apollo.cli.plans.PlanGetCommand;
import io.apollo.cli.plans.PlanListCommand;

/**
 * {@code apollo plan}: the group of plan commands ({@code preview}, {@code list}, {@code get}, {@code approve},
 * {@code cancel}, {@code create}). Run with no subcommand it is {@code apollo plan preview}, as it was before the
 * group existed, so {@code apollo plan --repo DIR ...} keeps working.
 */
@Command(
    name = "plan",
    description = {"Plans: preview offline, list and read them, approve, cancel, or propose one by hand.",
        "With no subcommand: the same as 'apollo plan preview'."},
    mixinStandardHelpOptions = true,
    subcommands = {PlanPreviewCommand.class, PlanListCommand.class, PlanGetCommand.class, PlanApproveCommand.class,
        PlanCancelCommand.class, PlanCreateCommand.class, io.apollo.cli.plans.PlanRecordCommand.class},
    footer = {"", "Examples:", "  apollo plan preview --repo sample-repo --at 2026-12-05T03:00:00Z",
        "  apollo plan list --state pending", "  apollo plan approve pl-3f2a9c0d1e4b5a67 --by ops@team.com"})
public final class PlanCommand implements Callable<Integer> {
  @Mixin PlanOptions options;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;


  @Override
  public Integer call() {
    return preview(spec, options, output);
  }

  /** What {@code plan preview} (and {@code plan} alone) prints. */
  static int preview(CommandLine.Model.CommandSpec spec, PlanOptions options, OutputOption output) {
    OutputFormat format = output.format(spec);
    PlanningSession session = PlanningSession.run(options.repo(spec), options.reported(spec), options.at(Clock.systemUTC()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == OutputFormat.JSON) {
      out.println(Json.write(PlanJson.of(session.result())));
    } else {
      out.print(PlanTable.render(session.result(), session.loaded().state()));
    }
    if (!session.loaded().isValid()) {
      err.println("apollo: the repository has " + session.loaded().problems().size()
          + " problem(s); entities they touch are left alone:");
      session.loaded().problems().stream().map(Problem::toString).forEach(err::println);
      return ApolloCommand.EXIT_INVALID;
    }
    return 0;
  }
}
