package io.apollo.reconciler.gitsync;

import static io.apollo.reconciler.testing.GitFixture.HUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.NginxGitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the hub against a real self-hosted git server on loopback (nginx, HTTP basic auth, git http-backend
 * through fcgiwrap), as a new user connects one: credentials from {@code --git-credentials} (in neither the URL nor
 * the arguments) or from the URL; fetch, commit and propose, and delete a branch; wrong or missing credentials are an
 * error that says "check the credentials" and never shows the password.
 */
class NginxRemoteIT {
  private static final String USER = "apollo";
  private static final String PASSWORD = "n9inx-Pa55:w@rd/never-shown";

  @TempDir static Path temp;
  private static GitFixture repo;
  private static NginxGitServer server;

  @BeforeAll
  static void serve() throws Exception {
    repo = GitFixture.fromSampleRepo(temp);
    server = NginxGitServer.serve(repo.remote(), USER, PASSWORD, Files.createDirectories(temp.resolve("nginx")));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void fetchCommitProposeAndDeleteWorkWithCredentialsFromAFile() throws Exception {
    Path credentials = Files.writeString(temp.resolve("git-credentials"), "# the hub's token\n"
        + "https://" + USER + ":wrong@git.example.com\n"
        + "http://" + USER + ":" + encoded(PASSWORD) + "@127.0.0.1:" + server.port() + "\n");
    try (JGitConfigRepository hub = open(server.url(), "file", credentials)) {
      String head = hub.fetch().head();
      assertThat(head).isEqualTo(repo.remoteHead("main").orElseThrow());

      String after = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n")), "Record p1");
      hub.propose("apollo/plan/p2", List.of(new FileWrite("plans/production/p2.yaml", "b: 2\n")), "Propose p2");

      assertThat(repo.remoteLog("main", "%H %P %ae").getFirst()).isEqualTo(after + " " + head + " " + HUB.email());
      assertThat(repo.remoteFile("apollo/plan/p2", "plans/production/p2.yaml")).contains("b: 2\n");
      hub.deleteBranch("apollo/plan/p2");
      assertThat(repo.remoteBranches("apollo/plan/")).isEmpty();
    }
    assertThat(server.logs()).contains("\"POST /git/" + repo.remote().getFileName() + "/git-receive-pack")
        .contains(" " + USER + " ").doesNotContain(PASSWORD).doesNotContain(encoded(PASSWORD));
  }

  @Test
  void aPasswordInTheUrlWorksAndIsShownNowhere() {
    try (JGitConfigRepository hub = open(server.url(USER, encoded(PASSWORD)), "url", null)) {
      assertThat(hub.fetch().head()).isEqualTo(repo.remoteHead("main").orElseThrow());
    }
  }

  @Test
  void aWrongPasswordSaysCheckTheCredentialsAndShowsNeitherPassword() throws Exception {
    Path credentials = Files.writeString(temp.resolve("wrong-credentials"),
        "http://" + USER + ":wrong-" + encoded(PASSWORD) + "@127.0.0.1:" + server.port() + "\n");
    try (JGitConfigRepository hub = open(server.url(), "wrong", credentials)) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("cannot fetch from " + server.url())
          .hasMessageContaining("check the credentials")
          .hasMessageNotContaining("check that the repository exists")
          .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(PASSWORD).doesNotContain("wrong-"));
    }
    try (JGitConfigRepository hub = open(server.url(USER, "wrong-" + encoded(PASSWORD)), "wrong-url", null)) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("cannot fetch from http://" + USER + "@127.0.0.1:" + server.port())
          .hasMessageContaining("check the credentials")
          .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(PASSWORD).doesNotContain("wrong-"));
    }
  }

  @Test
  void noCredentialsSaysToGiveThemWithGitCredentials() {
    try (JGitConfigRepository hub = open(server.url(), "none", null)) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("check the credentials").hasMessageContaining("--git-credentials FILE");
    }
  }

  @Test
  void aCredentialsFileWithNoLineForTheRemoteIsRefusedAtOnceWithoutItsTokens() throws Exception {
    Path credentials = Files.writeString(temp.resolve("other-credentials"),
        "https://" + USER + ":t0ken-elsewhere@git.example.com\n");
    assertThatThrownBy(() -> open(server.url(), "other", credentials)).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("--git-credentials " + credentials + " has no line for " + server.url())
        .hasMessageContaining("https://apollo@git.example.com (line 1)")
        .hasMessageNotContaining("t0ken-elsewhere");
  }

  private JGitConfigRepository open(String url, String name, Path credentials) {
    GitSettings settings = GitSettings.of(url, "main", temp.resolve("clones").resolve(name))
        .withAccess(new GitAccess(Optional.ofNullable(credentials), Optional.empty(), Optional.empty()));
    return JGitConfigRepository.open(settings);
  }

  private static String encoded(String password) {
    return java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String stackTraceOf(Throwable e) {
    java.io.StringWriter text = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
