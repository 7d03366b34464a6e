package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.NginxGitServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 from outside: a hub process against a real self-hosted git server (nginx with basic auth, git
 * http-backend), given its password in the URL or in {@code --git-credentials}. It clones, commits a plan that needs
 * no approval and pushes it; the password is in no line of its log and no answer of its API ({@code /v1/status},
 * {@code /healthz}, {@code /metrics}, plans, entities), and with {@code --git-credentials} not in its arguments
 * either. A wrong password makes it degraded with "check the credentials".
 */
class HubRealRemoteIT {
  private static final String USER = "apollo";
  private static final String PASSWORD = "Hub-Pa55w0rd@nginx:never/shown";
  private static final String ENCODED = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

  @TempDir Path temp;

  @Test
  void aPasswordInTheUrlIsInNoLogLineAndNoAnswer() throws Exception {
    try (TestSpoke spoke = new TestSpoke()) {
      GitFixture git = GitFixture.fromFolder(temp, TestRepo.open(spoke.url()).writeTo(temp.resolve("desired")));
      try (NginxGitServer server = NginxGitServer.serve(git.remote(), USER, PASSWORD, temp.resolve("nginx"))) {
        Path log = temp.resolve("hub.log");
        try (HubProcess hub = HubProcess.start(log, args(server.url(USER, ENCODED), List.of()))) {
          HubClient client = new HubClient(hub.url());
          String id = commitAStagingPlan(client, git);

          assertNoSecretIn(answers(client, id));
          assertThat(Files.readString(log)).contains("Hub governing branch main of http://" + USER + "@127.0.0.1:"
              + server.port() + "/git/").doesNotContain(PASSWORD).doesNotContain(ENCODED);
        }
      }
    }
  }

  @Test
  void withGitCredentialsThePasswordIsNotInTheArgumentsAndAWrongOneSaysCheckTheCredentials() throws Exception {
    try (TestSpoke spoke = new TestSpoke()) {
      GitFixture git = GitFixture.fromFolder(temp, TestRepo.open(spoke.url()).writeTo(temp.resolve("desired")));
      try (NginxGitServer server = NginxGitServer.serve(git.remote(), USER, PASSWORD, temp.resolve("nginx"))) {
        Path credentials = temp.resolve("git-credentials");
        Files.writeString(credentials, "http://" + USER + ":" + ENCODED + "@127.0.0.1:" + server.port() + "\n");
        Path log = temp.resolve("hub.log");
        List<String> args = args(server.url(), List.of("--git-credentials", credentials.toString()));
        try (HubProcess hub = HubProcess.start(log, args)) {
          HubClient client = new HubClient(hub.url());
          String id = commitAStagingPlan(client, git);
          assertNoSecretIn(answers(client, id));
          // The whole command line, as ps shows it to every user of the machine (ProcessHandle.Info cuts it short).
          String commandLine = Files.readString(Path.of("/proc/" + hub.pid() + "/cmdline")).replace('\0', ' ');
          assertThat(commandLine).contains("--git-credentials").doesNotContain(PASSWORD).doesNotContain(ENCODED);
        }

        Files.writeString(credentials, "http://" + USER + ":wrong-" + ENCODED + "@127.0.0.1:" + server.port() + "\n");
        try (HubProcess hub = HubProcess.start(log, args)) {
          HubClient client = new HubClient(hub.url());
          JsonNode status = HubClient.eventually("the hub to say the fetch fails", () -> Optional.of(
              client.get("/v1/status").body()).filter(s -> s.path("fetchError").isString()));
          assertThat(status.path("health").asString()).isEqualTo("degraded");
          assertThat(status.path("fetchError").asString()).contains("not authorized")
              .contains("check the credentials").doesNotContain("check that the repository exists");
          assertNoSecretIn(answers(client, null));
        }
        assertThat(Files.readString(log)).contains("check the credentials").doesNotContain(PASSWORD)
            .doesNotContain(ENCODED).doesNotContain("wrong-");
        assertThat(server.logs()).doesNotContain(PASSWORD).doesNotContain(ENCODED);
      }
    }
  }

  private List<String> args(String repo, List<String> more) throws Exception {
    Path tokens = temp.resolve("spoke-tokens");
    Files.writeString(tokens, "staging-spoke " + HubHarness.STAGING_TOKEN + "\nprod-spoke " + HubHarness.PROD_TOKEN
        + "\n");
    List<String> args = new ArrayList<>(List.of("--repo", repo, "--data-dir", temp.resolve("hub").toString(),
        "--spoke-tokens", tokens.toString(), "--port", "0", "--poll-interval", "500ms"));
    args.addAll(more);
    return args;
  }

  /** Staging reports nothing installed: the hub plans an install, which needs no approval, and pushes it to main. */
  private static String commitAStagingPlan(HubClient client, GitFixture git) {
    String report = Reports.of("staging-spoke").json();
    HubClient.eventually("the hub to take a report", () -> Optional.of(client.report("staging-spoke",
        HubHarness.STAGING_TOKEN, report).status()).filter(s -> s == 202));
    JsonNode plan = client.awaitOpenPlan("staging/web", p -> p.path("state").asString().equals("DISPATCHED"));
    String id = plan.path("id").asString();
    assertThat(git.remoteFile("main", "plans/staging/" + id + ".yaml")).as("pushed through nginx").isPresent();
    assertThat(git.remoteLog("main", "%ae").getFirst()).isEqualTo("hub@apollo.invalid");
    return id;
  }

  private static List<String> answers(HubClient client, String planId) {
    List<String> answers = new ArrayList<>(List.of(client.get("/v1/status").body().toString(),
        client.get("/healthz").body().toString(), client.text("/metrics"), client.get("/v1/plans").body().toString(),
        client.get("/v1/entities").body().toString()));
    if (planId != null) {
      answers.add(client.plan(planId).toString());
    }
    return answers;
  }

  private static void assertNoSecretIn(List<String> answers) {
    for (String answer : answers) {
      assertThat(answer).doesNotContain(PASSWORD).doesNotContain(ENCODED).doesNotContain("wrong-");
    }
  }
}
