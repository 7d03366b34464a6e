package io.apollo.reconciler.gitsync;

import static io.apollo.reconciler.testing.GitFixture.BOB;
import static io.apollo.reconciler.testing.GitFixture.HUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.load.ConfigLoader;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.GitHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub against a git server over real HTTP on loopback, as against a hosted git server: fetch, commit and propose
 * over the network, credentials in the URL kept out of every message, a server stopped and started again, a server
 * that never answers.
 */
class HttpRemoteIT {
  private static final String SECRET = "s3cret-token-never-shown";

  @TempDir Path temp;
  private GitFixture repo;
  private GitHttpServer server;
  private JGitConfigRepository hub;

  @BeforeEach
  void setUp() {
    repo = GitFixture.fromSampleRepo(temp);
    server = GitHttpServer.serve(repo.remote(), "hub", SECRET);
    hub = JGitConfigRepository.open(GitSettings.of(server.url("hub", SECRET), "main",
        repo.newFolder("hub").resolve("clone")));
  }

  @AfterEach
  void tearDown() {
    hub.close();
    server.close();
  }

  @Test
  void fetchCommitAndProposeWorkOverHttpWithCredentialsFromTheUrl() {
    String head = hub.fetch().head();
    assertThat(ConfigLoader.withDefaults().load(hub.source(head)).problems()).isEmpty();

    String after = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n")), "Record p1");
    hub.propose("apollo/plan/p2", List.of(new FileWrite("plans/production/p2.yaml", "b: 2\n")), "Propose p2");

    assertThat(repo.remoteLog("main", "%H %P %ae").getFirst()).isEqualTo(after + " " + head + " " + HUB.email());
    assertThat(repo.remoteFile("apollo/plan/p2", "plans/production/p2.yaml")).contains("b: 2\n");
  }

  @Test
  void wrongCredentialsAreAClearErrorThatNeverShowsThePassword() {
    try (JGitConfigRepository wrong = JGitConfigRepository.open(GitSettings.of(
        server.url("hub", "wrong-" + SECRET), "main", repo.newFolder("wrong").resolve("clone")))) {
      assertThatThrownBy(wrong::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("cannot fetch from http://hub@127.0.0.1:")
          .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(SECRET));
    }
  }

  @Test
  void aStoppedServerIsAnErrorTheHeadStaysAndItRecoversWhenTheServerIsBack() {
    String head = hub.fetch().head();
    server.stop();

    assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("still governing by commit " + head)
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(SECRET));
    assertThat(hub.head()).contains(head);

    server.restart();
    String pushed = repo.commitAndPush(BOB, "While the server was down", Map.of("NOTES.md", "x\n"));
    FetchResult back = hub.fetch();

    assertThat(back.head()).isEqualTo(pushed);
    assertThat(back.recloned()).isFalse();
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    String head = hub.fetch().head();
    hub.close();
    hub = JGitConfigRepository.open(new GitSettings(server.url("hub", SECRET), "main",
        temp.resolve("hub/clone"), "Apollo Hub", "hub@apollo.invalid", Duration.ofSeconds(1)));
    server.hang();

    assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("cannot fetch from");
    assertThat(hub.head()).contains(head);
  }

  @Test
  void aProtectedBranchRefusingTheHubIsAClearErrorAndNothingIsRetriedAsForced() {
    String head = hub.fetch().head();
    server.protect("refs/heads/main", "main is protected: open a pull request");

    assertThatThrownBy(() -> hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a\n")), "p1"))
        .isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("refused to commit 1 file(s) to main")
        .hasMessageContaining("main is protected: open a pull request");
    assertThat(repo.remoteHead("main")).contains(head);
    assertThat(hub.head()).contains(head);
    hub.propose("apollo/plan/p1", List.of(new FileWrite("plans/production/p1.yaml", "a\n")), "Propose p1");
    assertThat(repo.remoteBranches("apollo/plan/")).containsExactly("apollo/plan/p1");
  }

  @Test
  void aRaceLostOnEveryTryEndsInAnErrorAfterAFewTries() {
    String head = hub.fetch().head();
    server.protect("refs/heads/main", "cannot lock ref 'refs/heads/main'");

    assertThatThrownBy(() -> hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a\n")), "p1"))
        .isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("the branch moved on " + JGitConfigRepository.PUSH_TRIES + " times");
    assertThat(repo.remoteHead("main")).contains(head);
  }

  @Test
  void anSshRemoteIsTriedOverSshAndARefusedConnectionIsAClearError() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (JGitConfigRepository ssh = JGitConfigRepository.open(GitSettings.of(
        "ssh://git@127.0.0.1:" + closedPort + "/config.git", "main", repo.newFolder("ssh").resolve("clone")))) {
      assertThatThrownBy(ssh::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("cannot fetch from ssh://git@127.0.0.1:" + closedPort + "/config.git")
          .hasMessageContaining("Connection refused");
    }
  }

  private static String stackTraceOf(Throwable e) {
    java.io.StringWriter text = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
