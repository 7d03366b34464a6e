package io.apollo.cli.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.GitFixture;
import io.apollo.cli.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the seed workflow's bash blocks (seeds/000_63676bd5d5114132.txt), typed as written there into a
 * shell whose current folder is a clone of the team's config repository: the real launcher, a real process per
 * command, no --repo, with the ids the product prints put where the seed writes RELEASE_ID, ENTITY_ID and PLAN_ID.
 * Lines marked "setup" are not in the seed: they make what the seed takes for granted (a second product, an older
 * release to roll back to). The commands that need a live hub answer from the repository here.
 */
class SeedWorkflowIT {
  private static final Pattern RELEASE = Pattern.compile("^Release (\\S+)$", Pattern.MULTILINE);
  private static final Pattern ENTITY = Pattern.compile("^Entity (\\S+)$", Pattern.MULTILINE);
  private static final Pattern PLAN = Pattern.compile("^Plan (pl-[0-9a-f]{16}):", Pattern.MULTILINE);

  @TempDir Path temp;

  GitFixture repo;

  @Test
  void everyCommandOfTheSeedRunsAsWritten() throws Exception {
    repo = GitFixture.of(temp, fleetWithoutProducts(temp.resolve("seed")));

    // Product Registration
    ok("apollo product create --group com.example --name catalog-service");
    assertThat(ok("apollo product list")).contains("com.example:catalog-service");
    assertThat(ok("apollo product get com.example:catalog-service")).contains("releases     none yet");

    // Release Management
    assertThat(ok("apollo release list com.example:catalog-service")).contains("No releases");
    String releaseId = id(RELEASE, ok("apollo release create com.example:catalog-service --version 1.0.0 --channel stable"));
    assertThat(releaseId).isEqualTo("com.example:catalog-service:1.0.0");
    assertThat(ok("apollo release promote " + releaseId + " --channel stable")).contains("already on stable");

    // Entity Deployment
    String entityId = id(ENTITY, ok("apollo entity create --product com.example:catalog-service --version 1.0.0"
        + " --environment staging"));
    assertThat(entityId).isEqualTo("staging/catalog-service");
    assertThat(ok("apollo entity list --environment staging")).contains(entityId).contains("1.0.0 (pinned)");
    assertThat(ok("apollo entity status " + entityId)).contains("desired   1.0.0 (pinned)");

    // Rollback, then Approval Workflows
    ok("apollo release create com.example:catalog-service --version 0.9.0 --channel stable"); // setup
    String planId = id(PLAN, ok("apollo plan create --entity " + entityId + " --type rollback --target-version 0.9.0"));
    assertThat(ok("apollo plan list --state pending")).contains(planId);
    assertThat(ok("apollo plan approve " + planId + " --by ops@team.com")).contains("Approved " + planId);
    assertThat(repo.originLog("main", "%ae")).isEqualTo("ops@team.com");
    ok("apollo release create com.example:catalog-service --version 0.8.0 --channel stable"); // setup
    String another = id(PLAN, ok("apollo plan create --entity " + entityId + " --type rollback --target-version 0.8.0"));
    assertThat(ok("apollo plan cancel " + another + " --reason \"no longer needed\"")).contains("Cancelled " + another);

    // Promotion Strategy: staged rollout
    ok("apollo product create --group com.example --name my-service"); // setup
    String myRelease = id(RELEASE, ok("apollo release create com.example:my-service --version 1.0.0 --channel beta")); // setup
    String staging = id(ENTITY, ok("apollo entity create --product com.example:my-service --version 1.0.0"
        + " --environment staging"));
    assertThat(ok("apollo entity status " + staging)).contains("com.example:my-service");
    assertThat(ok("apollo release promote " + myRelease + " --channel stable")).contains("Promote " + myRelease);
    ok("apollo entity create --product com.example:my-service --version 1.0.0 --environment production");
    assertThat(ok("apollo entity list --environment production")).contains("production/my-service");

    // Recall a bad release
    assertThat(ok("apollo release deprecate " + releaseId + " --reason \"CVE-2024-XXX\"")).contains("Recall");
    assertThat(repo.originFile("main", "releases/catalog-service.yaml")).contains("reason: \"CVE-2024-XXX\"");
    assertThat(GitFixture.git(repo.work(), "status", "--porcelain")).isEmpty();
  }

  /** Environments, roles and an approval policy: a fleet's repository before its first product. */
  private static Path fleetWithoutProducts(Path dir) {
    Path sample = ProjectFiles.sampleRepo();
    GitFixture.write(dir.resolve("environments/staging.yaml"), read(sample.resolve("environments/staging.yaml")));
    GitFixture.write(dir.resolve("environments/production.yaml"), read(sample.resolve("environments/production.yaml")));
    GitFixture.write(dir.resolve("policies/roles.yaml"), """
        apiVersion: apollo/v1
        kind: Role
        metadata:
          name: sre
        spec:
          members:
            - email: ops@team.com
            - email: oncall@team.com
        """);
    GitFixture.write(dir.resolve("policies/approval-policy.yaml"), """
        apiVersion: apollo/v1
        kind: ApprovalPolicy
        metadata:
          name: changes
        spec:
          rules:
            - match:
                planTypes: [upgrade, rollback]
              requiredRoles: [sre]
        """);
    return dir;
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String id(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    assertThat(m.find()).as("an id in:\n" + output).isTrue();
    return m.group(1);
  }

  /** Runs one line as bash would (quotes and all) in the clone, expecting exit 0; returns stdout. */
  private String ok(String line) throws Exception {
    Path bin = temp.resolve("bin");
    GitFixture.write(bin.resolve("apollo"), "#!/usr/bin/env bash\nexec " + ProjectFiles.root().resolve("scripts/apollo")
        + " \"$@\"\n");
    bin.resolve("apollo").toFile().setExecutable(true);
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", line)).directory(repo.work().toFile());
    Map<String, String> env = builder.environment();
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.put("HOME", temp.resolve("home").toString());
    env.remove("APOLLO_HUB");
    env.remove("APOLLO_CONFIG");
    env.remove("XDG_CONFIG_HOME");
    env.remove("XDG_CACHE_HOME");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stdout = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(line + "\n" + stdout + new String(err, StandardCharsets.UTF_8)).isZero();
    return stdout;
  }

}
