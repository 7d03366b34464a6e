package io.apollo.cli.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code apollo entity ...} against a real clone of sample-repo's origin. The live paths ({@code --hub}) run against a
 * real hub in {@code hubclient.LiveCommandsIT}, a hub that fails in {@code hubclient.HubFailuresIT}.
 */
class EntityCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path temp;

  GitFixture repo;

  @BeforeEach
  void makeRepo() {
    repo = GitFixture.ofSampleRepo(temp);
  }

  private CliRun apollo(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--repo";
    all[args.length + 1] = repo.work().toString();
    return CliRun.of(all);
  }

  @Test
  void createAppendsAPinnedEntityToTheEnvironmentsFile() {
    CliRun run = apollo("entity", "create", "--product", "com.example:catalog-service", "--version", "2.1.0",
        "--environment", "staging", "--name", "catalog-canary");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Entity staging/catalog-canary\n")
        .contains("apollo entity status staging/catalog-canary");
    assertThat(repo.originLog("main", "%ae|%s")).isEqualTo(GitFixture.USER_EMAIL
        + "|Deploy com.example:catalog-service to staging at 2.1.0 as staging/catalog-canary");
    assertThat(repo.originFilesChanged("main")).containsExactly("entities/staging.yaml");
    String text = repo.originFile("main", "entities/staging.yaml");
    assertThat(text).contains("# Staging follows channels").endsWith("environment: staging\n  version: 2.1.0");

    CliRun follow = apollo("entity", "create", "--product", "com.example:catalog-service", "--channel", "beta",
        "--environment", "production", "--name", "catalog-beta", "--output", "json");
    assertThat(follow.exitCode()).as(follow.err()).isZero();
    assertThat(JSON.readTree(follow.out()).path("entity").asString()).isEqualTo("production/catalog-beta");
    assertThat(repo.originFile("main", "entities/production.yaml")).contains("channel: beta");
  }

  @Test
  void refusesWhatWouldNotDeploy() throws Exception {
    String before = repo.originHead();
    CliRun unknownProduct = apollo("entity", "create", "--product", "com.example:nope", "--version", "1.0.0",
        "--environment", "staging");
    assertThat(unknownProduct.exitCode()).isEqualTo(1);
    assertThat(unknownProduct.err()).contains("no product com.example:nope");

    CliRun recalled = apollo("entity", "create", "--product", "com.example:auth-service", "--version", "1.3.0",
        "--environment", "staging", "--name", "auth-old");
    assertThat(recalled.exitCode()).isEqualTo(1);
    assertThat(recalled.err()).contains("is recalled").contains("CVE-2026-1234");

    CliRun noRelease = apollo("entity", "create", "--product", "com.example:auth-service", "--version", "9.9.9",
        "--environment", "staging", "--name", "auth-next");
    assertThat(noRelease.exitCode()).isEqualTo(1);
    assertThat(noRelease.err()).contains("no release com.example:auth-service:9.9.9").contains("apollo release create");

    CliRun noEnv = apollo("entity", "create", "--product", "com.example:auth-service", "--channel", "stable",
        "--environment", "qa");
    assertThat(noEnv.exitCode()).isEqualTo(1);
    assertThat(noEnv.err()).contains("no environment qa").contains("production, staging");

    CliRun badChannel = apollo("entity", "create", "--product", "com.example:auth-service", "--channel", "prod",
        "--environment", "staging", "--name", "x");
    assertThat(badChannel.exitCode()).isEqualTo(2);

    CliRun both = apollo("entity", "create", "--product", "com.example:auth-service", "--channel", "stable",
        "--version", "1.3.1", "--environment", "staging", "--name", "x");
    assertThat(both.exitCode()).isEqualTo(2);

    CliRun exists = apollo("entity", "create", "--product", "com.example:auth-service", "--channel", "stable",
        "--environment", "staging");
    assertThat(exists.exitCode()).isEqualTo(1);
    assertThat(exists.err()).contains("entity staging/auth-service already exists");

    Path staging = repo.work().resolve("entities/staging.yaml");
    Files.writeString(staging, Files.readString(staging) + "# a note not yet committed\n");
    CliRun dirty = apollo("entity", "create", "--product", "com.example:auth-service", "--channel", "stable",
        "--environment", "staging", "--name", "auth-two");
    assertThat(dirty.exitCode()).isEqualTo(1);
    assertThat(dirty.err()).contains("local changes in entities/staging.yaml");
    assertThat(Files.readString(staging)).endsWith("# a note not yet committed\n");
    assertThat(repo.originHead()).isEqualTo(before);
  }

  @Test
  void withoutAHubListAndStatusSayWhatTheRepositoryKnows() throws Exception {
    CliRun list = apollo("entity", "list", "--environment", "staging");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).startsWith("ENTITY").contains("staging/postgres-db").contains("15.5.20 (pinned)")
        .contains("channel stable").doesNotContain("production/").contains("Live state");

    CliRun json = apollo("entity", "list", "--output", "json");
    JsonNode root = JSON.readTree(json.out());
    assertThat(root.path("source").asString()).isEqualTo("repository");
    assertThat(root.path("entities")).hasSize(10);

    CliRun status = apollo("entity", "status", "staging/postgres-db");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("desired   15.5.20 (pinned)").contains("none in git").contains("needs a hub");

    CliRun byState = apollo("entity", "list", "--state", "running");
    assertThat(byState.exitCode()).isEqualTo(1);
    assertThat(byState.err()).contains("needs a hub");

    CliRun unknown = apollo("entity", "status", "staging/nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    CliRun badId = apollo("entity", "status", "nope");
    assertThat(badId.exitCode()).isEqualTo(2);
  }
}
