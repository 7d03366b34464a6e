package io.apollo.cli.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.ApolloCommand;
import io.apollo.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpokeCommandTest {
  @Test
  void helpListsTheFlagsAndAnExample() {
    CliRun run = CliRun.of("spoke", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--name", "--hub", "--token-file", "--port", "--bind", "--work-dir", "--mode",
        "--report-interval", "--helm", "Examples:", "apollo spoke --name edge-1", "docs/spoke.md");
  }

  @Test
  void aWrongFlagValueIsAUsageErrorNamingTheFlag(@TempDir Path dir) {
    CliRun run = CliRun.of("spoke", "--name", "edge-1", "--hub", "http://127.0.0.1:1", "--token-file",
        dir.resolve("t").toString(), "--work-dir", dir.toString(), "--mode", "pull");

    assertThat(run.exitCode()).isEqualTo(ApolloCommand.EXIT_USAGE);
    assertThat(run.err()).contains("--mode: 'pull'").contains("push or poll");
  }

  @Test
  void aMissingTokenFileStopsTheStartWithWhatToDo(@TempDir Path dir) {
    CliRun run = CliRun.of("spoke", "--name", "edge-1", "--hub", "http://127.0.0.1:1", "--token-file",
        dir.resolve("missing").toString(), "--work-dir", dir.toString(), "--port", "0");

    assertThat(run.exitCode()).isEqualTo(ApolloCommand.EXIT_INVALID);
    assertThat(run.err()).contains("spoke edge-1 cannot start").contains("--token-file");
  }
}
