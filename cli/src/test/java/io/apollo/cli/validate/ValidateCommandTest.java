package io.apollo.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path temp;

  @Test
  void theSampleRepositoryIsValid() {
    CliRun run = CliRun.of("validate", ProjectFiles.sampleRepo().toString());

    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(": valid (");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void printsOneLinePerProblemAndExitsOne() throws IOException {
    Path repo = ProjectFiles.copySampleRepo(temp.resolve("repo"));
    Files.writeString(repo.resolve("entities/broken.yaml"), """
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: broken
        spec:
          product: com.example:no-such-product
          environment: staging
          channel: stable
          replicas: 3
        """);

    CliRun run = CliRun.of("validate", repo.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines()).containsExactly(
        "entities/broken.yaml:9:3: unknown field 'replicas' in spec (allowed: product, environment, spoke, version, "
            + "channel, config, state, canary)");
    assertThat(run.err()).contains("1 problem in 1 file");
  }

  @Test
  void jsonOutputListsProblemsWithPositionAndReason() throws IOException {
    Path repo = ProjectFiles.copySampleRepo(temp.resolve("repo"));
    Files.writeString(repo.resolve("entities/tabs.yaml"), "apiVersion: apollo/v1\nkind: Entity\nmetadata:\n\tname: x\n");

    CliRun run = CliRun.of("validate", repo.toString(), "--output", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"valid\" : false").contains("\"path\" : \"entities/tabs.yaml\"")
        .contains("\"line\" : 4").contains("\"reason\" : \"YAML_SYNTAX\"");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.of("validate", temp.resolve("missing").toString()).exitCode()).isEqualTo(2);
    CliRun badFormat = CliRun.of("validate", ProjectFiles.sampleRepo().toString(), "--output", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("--output: 'xml' is not a format; use table or json");
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
  }
}
