package io.apollo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command answers {@code --help} with exit 0, an example, and lines that fit an 80-column terminal; a
 * subcommand whose option is named {@code --version} (as the seed's are) still has {@code -h/--help}; and the
 * README's command table has a row for each (issue 9, "the README's command table lists every command").
 */
class HelpTest {
  static Stream<String> commands() {
    List<String> names = new ArrayList<>();
    collect(ApolloCommand.commandLine(), "", names);
    return names.stream();
  }

  private static void collect(CommandLine cli, String prefix, List<String> names) {
    cli.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help") && !name.equals("generate-completion")) {
        names.add((prefix + " " + name).strip());
        collect(sub, prefix + " " + name, names);
      }
    });
  }

  @ParameterizedTest(name = "apollo {0} --help")
  @MethodSource("commands")
  void everyCommandHasHelpWithAnExample(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Usage: apollo " + command).containsPattern("Examples?:\\n  apollo ");
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  @ParameterizedTest(name = "README lists apollo {0}")
  @MethodSource("commands")
  void theReadmesCommandTableListsEveryCommand(String command) throws IOException {
    List<String> rows = Files.readAllLines(ProjectFiles.root().resolve("README.md")).stream()
        .filter(line -> line.startsWith("| `apollo ")).toList();
    assertThat(rows).as("a row of README.md's command table for apollo " + command)
        .anySatisfy(row -> assertThat(row).containsPattern("`apollo " + command + "( |`)"));
  }
}
