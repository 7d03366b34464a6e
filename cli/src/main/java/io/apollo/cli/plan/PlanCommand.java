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

/**
 * {@code apollo plan}: the plans the hub would make for a config repository at an instant, offline. Exit 0 when the
 * repository is valid, 1 when it has problems (they go to stderr; valid parts are still planned, broken entities
 * are left alone, as the hub would), 2 on a usage error.
 */
@Command(
    name = "plan",
    description = "Show the plans the hub would make at an instant, with every blocking reason and required role.",
    mixinStandardHelpOptions = true)
public final class PlanCommand implements Callable<Integer> {
  @Mixin PlanOptions options;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;


  @Override
  public Integer call() {
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
