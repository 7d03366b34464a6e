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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    footer = {"", "Exit codes: 0 success, 1 refused or failed (the message says why and what to do), 2 usage error;",
        "apollo diff: 3 when the plans change.", "", "Shell completion: source <(apollo generate-completion)"})
public final class ApolloCommand implements Runnable {
  /** Exit code when the command ran and found the input wrong. */
  public static final int EXIT_INVALID = 1;

  /** Exit code for usage errors (picocli's own default for bad arguments). */
  public static final int EXIT_USAGE = 2;

  /**
   * Every subcommand, in the order help lists them. Registered here rather than in {@code @Command(subcommands)} so
   * that a command line can be built with only the one a run names: picocli reads every option of every command it is
   * given, and building all of them was the largest part of a one-shot command's start.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, PlanCommand.class, ExplainCommand.class,
      ProductCommand.class, ReleaseCommand.class, EntityCommand.class, DiffCommand.class, HubCommand.class,
      SpokeCommand.class, ForecastCommand.class, io.apollo.cli.audit.AuditCommand.class,
      CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class);

  /** Subcommands that read the whole command tree, and so always get all of it. */
  private static final Set<Class<?>> NEED_WHOLE_TREE =
      Set.of(CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** A command line configured as the jar runs it. */
  public static CommandLine commandLine() {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** The whole command tree: every subcommand, as {@code apollo --help} lists them. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configured(SUBCOMMANDS, out, err);
  }

  /**
   * The command line that runs {@code args}: when the first argument names a subcommand, the tree holds only that
   * one (it behaves exactly as in the whole tree, its help and errors included); otherwise ({@code --help}, a typo
   * that deserves a suggestion, {@code help}, {@code generate-completion}) the whole tree.
   */
  public static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length > 0) {
      for (Class<?> command : SUBCOMMANDS) {
        if (!NEED_WHOLE_TREE.contains(command) && names(command).contains(args[0])) {
          return configured(List.of(command), out, err);
        }
      }
    }
    return commandLine(out, err);
  }

  private static List<String> names(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    List<String> names = new ArrayList<>(List.of(annotation.aliases()));
    names.add(annotation.name());
    return names;
  }

  /** Settings are given after the subcommands are added: picocli passes them only to subcommands already there. */
  private static CommandLine configured(List<Class<?>> subcommands, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ApolloCommand());
    subcommands.forEach(cli::addSubcommand);
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
