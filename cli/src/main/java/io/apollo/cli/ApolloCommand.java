package io.apollo.cli;

import io.apollo.cli.diff.DiffCommand;
import io.apollo.cli.entity.EntityCommand;
import io.apollo.cli.explain.ExplainCommand;
import io.apollo.cli.forecast.ForecastCommand;
import io.apollo.cli.hub.HubCommand;
import io.apollo.cli.plan.PlanCommand;
import io.apollo.cli.product.ProductCommand;
import io.apollo.cli.release.ReleaseCommand;
import io.apollo.cli.spoke.SpokeCommand;
import io.apollo.cli.validate.ValidateCommand;
import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code apollo}: GitOps continuous delivery. Exit codes shared by every subcommand: 0 success, 1 the input was
 * read but is wrong (invalid config, blocked, not found), 2 usage error.
 */
@Command(
    name = "apollo",
    mixinStandardHelpOptions = true,
    versionProvider = ApolloCommand.Version.class,
    description = "Desired state in git, explained plans, constraints and approvals that hold.",
    subcommands = {ValidateCommand.class, PlanCommand.class, ExplainCommand.class,
        ProductCommand.class, ReleaseCommand.class, EntityCommand.class, DiffCommand.class, HubCommand.class,
        SpokeCommand.class, ForecastCommand.class,
        CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
    footer = {"", "Exit codes: 0 success, 1 refused or failed (the message says why and what to do), 2 usage error;",
        "apollo diff: 3 when the plans change.", "", "Shell completion: source <(apollo generate-completion)"})
public final class ApolloCommand implements Runnable {
  /** Exit code when the command ran and found the input wrong. */
  public static final int EXIT_INVALID = 1;

  /** Exit code for usage errors (picocli's own default for bad arguments). */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** A command line configured as the jar runs it. */
  public static CommandLine commandLine() {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ApolloCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ApolloCommand.class.getPackage().getImplementationVersion();
      return new String[] {"apollo " + (version == null ? "dev" : version)};
    }
  }
}
