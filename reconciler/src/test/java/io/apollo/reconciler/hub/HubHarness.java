package io.apollo.reconciler.hub;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A hub in this JVM against a real bare repository ({@link GitFixture}) made from a {@link TestRepo}, with a
 * {@link TestSpoke} for the spokes that are pushed to, and a client. Tokens: {@code staging-spoke tok-staging},
 * {@code prod-spoke tok-prod}, and {@code ghost-spoke tok-ghost}, a spoke no environment lists.
 */
final class HubHarness implements AutoCloseable {
  static final String STAGING_TOKEN = "tok-staging";
  static final String PROD_TOKEN = "tok-prod";
  static final String WEBHOOK_SECRET = "hook-secret";

  final TestSpoke spoke;
  final GitFixture git;
  final Hub hub;
  final HubClient client;
  final Path dataDir;

  private HubHarness(TestSpoke spoke, GitFixture git, Hub hub, Path dataDir) {
    this.spoke = spoke;
    this.git = git;
    this.hub = hub;
    this.client = new HubClient(hub.url());
    this.dataDir = dataDir;
  }

  /** @param repo makes the repository given the test spoke's url */
  static HubHarness start(Path temp, java.util.function.Function<String, TestRepo> repo) throws Exception {
    return start(temp, repo, 64 * 1024);
  }

  /** @param maxBodyBytes the hub's {@code --max-body-bytes} */
  static HubHarness start(Path temp, java.util.function.Function<String, TestRepo> repo, long maxBodyBytes)
      throws Exception {
    return start(temp, repo, maxBodyBytes, Optional.empty());
  }

  /** @param adminKeys the hub's {@code --admin-keys} file, if any */
  static HubHarness start(Path temp, java.util.function.Function<String, TestRepo> repo, long maxBodyBytes,
      Optional<Path> adminKeys) throws Exception {
    TestSpoke spoke = new TestSpoke();
    GitFixture git = GitFixture.fromFolder(temp, repo.apply(spoke.url()).writeTo(temp.resolve("desired")));
    Path dataDir = git.newFolder("hub-data");
    Path tokens = temp.resolve("spoke-tokens");
    Files.writeString(tokens, "# spoke tokens for tests\nstaging-spoke " + STAGING_TOKEN + "\nprod-spoke "
        + PROD_TOKEN + "\nghost-spoke tok-ghost\n");
    HubOptions options = new HubOptions(git.remote().toString(), "main", dataDir, "127.0.0.1", 0, tokens,
        Duration.ofSeconds(1), "Apollo Hub", "hub@apollo.invalid", maxBodyBytes,
        Optional.of(Files.writeString(temp.resolve("webhook-secret"), WEBHOOK_SECRET + "\n")), Optional.empty())
        .withAdminKeys(adminKeys);
    Hub hub = Hub.start(options, HubMain::openGit, Clock.systemUTC());
    return new HubHarness(spoke, git, hub, dataDir);
  }

  /** Posts a report, retrying while the hub has not loaded its first commit (503); returns the status. */
  int report(String spoke, String token, Reports report) {
    String json = report.json();
    return HubClient.eventually("the hub to take a report of " + spoke, () -> {
      HubClient.Answer answer = client.report(spoke, token, json);
      return answer.status() == 503 ? Optional.empty() : Optional.of(answer.status());
    });
  }

  void reportProduction(String webVersion, String ledgerVersion) {
    int status = report("prod-spoke", PROD_TOKEN, Reports.of("prod-spoke")
        .running("production/web", "com.example:web", webVersion)
        .running("production/ledger", "com.example:ledger", ledgerVersion));
    if (status != 202) {
      throw new AssertionError("report of prod-spoke answered " + status);
    }
  }

  /** A person pins production's entities and pushes. */
  void pinProduction(GitFixture.Person who, String web, String ledger) {
    git.commitAndPush(who, "Pin production web " + web + ", ledger " + ledger, java.util.Map.of(
        "entities/production.yaml", TestRepo.entity("production", "web", "com.example:web", web) + "---\n"
            + TestRepo.entity("production", "ledger", "com.example:ledger", ledger)));
  }

  static String path(JsonNode plan) {
    return plan.path("path").asString();
  }

  @Override
  public void close() throws Exception {
    hub.close();
    spoke.close();
  }
}
