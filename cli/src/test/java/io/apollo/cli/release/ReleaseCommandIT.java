package io.apollo.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code apollo release ...} against a real clone of a bare origin made from sample-repo. */
class ReleaseCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CATALOG = "com.example:catalog-service";
  private static final String FILE = "releases/catalog-service.yaml";

  @TempDir Path temp;

  GitFixture repo;

  @BeforeEach
  void makeRepo() {
    repo = GitFixture.ofSampleRepo(temp);
  }

  private CliRun apollo(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--repo";
    all[args.length + 1] = repo.work().toString();
    return CliRun.of(all);
  }

  @Test
  void createAppendsToTheProductsReleaseFileAndPrintsTheId() {
    CliRun run = apollo("release", "create", CATALOG, "--version", "3.0.0", "--channel", "beta");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Release com.example:catalog-service:3.0.0\n");
    assertThat(repo.originLog("main", "%ae|%s")).isEqualTo(GitFixture.USER_EMAIL
        + "|Add release com.example:catalog-service:3.0.0 on beta");
    assertThat(repo.originFilesChanged("main")).containsExactly(FILE);
    String text = repo.originFile("main", FILE);
    assertThat(text).contains("# Shipped to beta first").contains("version: 3.0.0").contains("- beta");

    CliRun promote = apollo("release", "promote", "com.example:catalog-service:3.0.0", "--channel", "stable");
    assertThat(promote.exitCode()).as(promote.err()).isZero();
    assertThat(repo.originLog("main", "%s")).isEqualTo("Promote com.example:catalog-service:3.0.0 to stable");
    assertThat(repo.originFile("main", FILE)).contains("- stable");

    CliRun again = apollo("release", "promote", "com.example:catalog-service:3.0.0", "--channel", "stable");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already on stable; nothing to commit");
  }

  @Test
  void promoteRewritesAFlowListInPlace() {
    CliRun run = apollo("release", "create", CATALOG, "--version", "2.2.0-rc1-3-gabcdef1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    CliRun promote = apollo("release", "promote", "com.example:catalog-service:2.2.0-rc1-3-gabcdef1",
        "--channel", "beta");
    assertThat(promote.exitCode()).as(promote.err()).isZero();
    assertThat(repo.originFile("main", FILE)).contains("channels: [dev, beta]");
  }

  @Test
  void deprecateRecallsInPlaceKeepingComments() throws Exception {
    CliRun run = apollo("release", "deprecate", "com.example:catalog-service:2.1.0", "--reason", "CVE-2024-XXX");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Pinned to it").contains("production/catalog-service");
    String text = repo.originFile("main", FILE);
    assertThat(text).contains("reason: \"CVE-2024-XXX\"").contains("# Shipped to beta first and promoted");
    assertThat(repo.originLog("main", "%s")).isEqualTo("Recall com.example:catalog-service:2.1.0: CVE-2024-XXX");

    CliRun list = apollo("release", "list", CATALOG, "--output", "json");
    JsonNode recalled = null;
    for (JsonNode r : JSON.readTree(list.out()).path("releases")) {
      if (r.path("version").asString().equals("2.1.0")) {
        recalled = r;
      }
    }
    assertThat(recalled).isNotNull();
    assertThat(recalled.path("recalled").path("reason").asString()).isEqualTo("CVE-2024-XXX");

    CliRun again = apollo("release", "deprecate", "com.example:catalog-service:2.1.0", "--reason", "again");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already recalled");
  }

  /** Issue 16: a person holds a release back in production, then lifts the hold; each is one commit. */
  @Test
  void holdCommitsAReleaseHoldAndUnholdDeletesIt() throws Exception {
    CliRun hold = apollo("release", "hold", "com.example:catalog-service:2.1.0", "--environment", "production",
        "--reason", "latency regression in staging");
    assertThat(hold.exitCode()).as(hold.err()).isZero();
    String path = "holds/catalog-service-2.1.0-production.yaml";
    String text = repo.originFile("main", path);
    assertThat(text).contains("kind: ReleaseHold").contains("product: com.example:catalog-service")
        .contains("version: 2.1.0").contains("environments: [production]")
        .contains("reason: \"latency regression in staging\"");
    assertThat(repo.originLog("main", "%s"))
        .isEqualTo("Hold com.example:catalog-service:2.1.0 in production: latency regression in staging");

    CliRun again = apollo("release", "hold", "com.example:catalog-service:2.1.0", "--environment", "production",
        "--reason", "again");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already held in production");
    CliRun nowhere = apollo("release", "hold", "com.example:catalog-service:2.1.0", "--environment", "prod",
        "--reason", "typo");
    assertThat(nowhere.exitCode()).isEqualTo(1);
    assertThat(nowhere.err()).contains("--environment prod: no such environment");

    CliRun unhold = apollo("release", "unhold", "com.example:catalog-service:2.1.0");
    assertThat(unhold.exitCode()).as(unhold.err()).isZero();
    assertThat(repo.originFilesChanged("main")).containsExactly(path);
    assertThat(GitFixture.git(repo.origin(), "ls-tree", "-r", "--name-only", "main")).doesNotContain("holds/");
    assertThat(repo.work().resolve(path)).doesNotExist();
    assertThat(GitFixture.git(repo.work(), "status", "--porcelain")).isEmpty();
    CliRun none = apollo("release", "unhold", "com.example:catalog-service:2.1.0");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("is not held");
  }

  @Test
  void listShowsReleasesNewestFirstInAnAlignedTable() {
    CliRun list = apollo("release", "list", CATALOG);
    assertThat(list.exitCode()).as(list.err()).isZero();
    var lines = list.out().lines().toList();
    assertThat(lines.get(0)).startsWith("RELEASE").contains("CHANNELS");
    assertThat(list.out().indexOf("catalog-service:2.2.0-rc1 ")).isPositive()
        .isLessThan(list.out().indexOf("catalog-service:2.1.0 "));
    int column = lines.get(0).indexOf("VERSION");
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.charAt(column - 1)).isEqualTo(' '));
  }

  @Test
  void refusesBadInputAndLeavesTheOriginAlone() {
    String before = repo.originHead();
    CliRun unknown = apollo("release", "create", "com.example:nope", "--version", "1.0.0");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no product com.example:nope");

    CliRun badVersion = apollo("release", "create", CATALOG, "--version", "1.0");
    assertThat(badVersion.exitCode()).isEqualTo(2);
    assertThat(badVersion.err()).contains("not an SLS version");

    CliRun badChannel = apollo("release", "create", CATALOG, "--version", "3.0.0", "--channel", "prod");
    assertThat(badChannel.exitCode()).isEqualTo(2);
    assertThat(badChannel.err()).contains("dev, beta, stable");

    CliRun rcOnStable = apollo("release", "create", CATALOG, "--version", "3.0.0-rc1", "--channel", "stable");
    assertThat(rcOnStable.exitCode()).isEqualTo(1);
    assertThat(rcOnStable.err()).contains("only release versions");

    CliRun exists = apollo("release", "create", CATALOG, "--version", "2.1.0");
    assertThat(exists.exitCode()).isEqualTo(1);
    assertThat(exists.err()).contains("already exists");

    CliRun badId = apollo("release", "promote", "catalog-2.1.0", "--channel", "stable");
    assertThat(badId.exitCode()).isEqualTo(2);
    assertThat(repo.originHead()).isEqualTo(before);
  }

  @Test
  void publishReadsTheManifestAndChecksumOfAnSlsDistribution() throws Exception {
    Path build = temp.resolve("build/auth-service-1.4.0");
    GitFixture.write(build.resolve("deployment/manifest.yml"), """
        manifest-version: "1.0"
        product-type: service.v1
        product-group: com.example
        product-name: auth-service
        product-version: 1.4.0
        extensions:
          product-dependencies:
            - product-group: com.example
              product-name: postgres-db
              minimum-version: 15.0.0
              maximum-version: 15.x.x
        """);
    GitFixture.write(build.resolve("service/bin/init.sh"), "#!/bin/sh\n");
    Path tgz = temp.resolve("build/auth-service-1.4.0.sls.tgz");
    Process tar = new ProcessBuilder("tar", "czf", tgz.toString(), "-C", temp.resolve("build").toString(),
        "auth-service-1.4.0").inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tgz)));

    CliRun run = apollo("release", "publish", tgz.toString(), "--artifact-uri", "https://a.example/x.tgz",
        "--output", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).path("release").asString()).isEqualTo("com.example:auth-service:1.4.0");
    String text = repo.originFile("main", "releases/auth-service.yaml");
    assertThat(text).contains("sha256: " + sha).contains("uri: https://a.example/x.tgz")
        .contains("product-name: postgres-db").contains("maximum-version: 15.x.x");

    CliRun notADist = apollo("release", "publish", build.resolve("deployment/manifest.yml").toString());
    assertThat(notADist.exitCode()).isEqualTo(1);
    assertThat(notADist.err()).contains("not a gzip-compressed tar archive");
  }
}
