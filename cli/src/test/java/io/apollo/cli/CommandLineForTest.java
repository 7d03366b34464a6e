package io.apollo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A run builds only the subcommand it names (issue 9, start-up), and that changes nothing a person sees. */
class CommandLineForTest {

  @ParameterizedTest
  @ValueSource(strings = {"validate", "plan", "explain", "product", "release", "entity", "diff", "hub", "spoke",
      "forecast"})
  void aNamedSubcommandIsTheOnlyOneBuilt(String name) {
    CommandLine cli = ApolloCommand.commandLineFor(new String[] {name, "--help"}, quiet(), quiet());

    assertThat(cli.getSubcommands().keySet()).containsExactly(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "help", "generate-completion", "valdate", "--version"})
  void anythingElseGetsTheWholeTree(String first) {
    CommandLine cli = ApolloCommand.commandLineFor(new String[] {first}, quiet(), quiet());

    assertThat(cli.getSubcommands().keySet())
        .containsAll(List.of("validate", "plan", "hub", "spoke", "help", "generate-completion"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate --help", "plan preview --help", "plan list --help", "hub --help",
      "explain --help", "validate --output yaml", "plan preview --output yaml", "validate a b"})
  void helpAndUsageErrorsReadTheSameAsInTheWholeTree(String line) {
    String[] args = line.split(" ");
    assertThat(run(ApolloCommand.commandLineFor(args, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter())), args))
        .isEqualTo(run(ApolloCommand.commandLine(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())), args));
  }

  @org.junit.jupiter.api.Test
  void theWholeTreeListsEverySubcommandInOrder() {
    CommandLine cli = ApolloCommand.commandLine(quiet(), quiet());

    assertThat(cli.getSubcommands().keySet()).startsWith("validate", "plan", "explain", "product", "release",
        "entity", "diff", "hub", "spoke", "forecast", "audit", "help", "generate-completion");
  }

  /** Exit code, stdout and stderr of one run, as one string to compare. */
  private static String run(CommandLine cli, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return code + "\n" + out + "\n" + err;
  }

  private static PrintWriter quiet() {
    return new PrintWriter(new StringWriter());
  }
}
