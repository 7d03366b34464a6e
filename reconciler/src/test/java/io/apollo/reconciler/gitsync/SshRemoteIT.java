package io.apollo.reconciler.gitsync;

import static io.apollo.reconciler.testing.GitFixture.HUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19: the hub against a real OpenSSH server on a loopback port, as a new user connects one: an ed25519 key
 * (ssh-keygen's default) and an ecdsa key log in from {@code --ssh-dir}, and fetch, commit and propose work; a host
 * key that is not in known_hosts is refused with "unknown host key for HOST; add it to known_hosts", a changed one
 * is refused too, and a key the server does not accept says "check the credentials".
 */
class SshRemoteIT {
  private static final String USER = System.getProperty("user.name");

  @TempDir static Path temp;
  private static GitFixture repo;
  private static OpenSshServer server;

  @BeforeAll
  static void start() {
    repo = GitFixture.fromSampleRepo(temp);
    server = OpenSshServer.start(temp.resolve("sshd"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> keyTypes() {
    return Stream.of(Arguments.of("ed25519", "id_ed25519"), Arguments.of("ecdsa", "id_ecdsa"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyTypes")
  void aUserKeyOfThisTypeFetchesCommitsAndProposes(String type, String file) throws Exception {
    Path sshDir = sshDir(type, file, true);
    Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine());
    try (JGitConfigRepository hub = open(type, sshDir, Optional.empty())) {
      String head = hub.fetch().head();
      assertThat(head).isEqualTo(repo.remoteHead("main").orElseThrow());
      String after = hub.commitToBranch(List.of(new FileWrite("plans/staging/" + type + ".yaml", "a: 1\n")),
          "Record " + type);
      hub.propose("apollo/plan/" + type, List.of(new FileWrite("plans/production/p.yaml", "b: 2\n")), "Propose");

      assertThat(repo.remoteLog("main", "%H %ae").getFirst()).isEqualTo(after + " " + HUB.email());
      assertThat(repo.remoteFile("apollo/plan/" + type, "plans/production/p.yaml")).contains("b: 2\n");
    }
    assertThat(server.log()).contains("Accepted publickey for " + USER);
  }

  @Test
  void anUnknownHostKeyIsRefusedWithWhatToDo() throws Exception {
    Path sshDir = sshDir("ed25519", "id_ed25519", true);
    Path knownHosts = Files.writeString(temp.resolve("empty_known_hosts"), "");
    try (JGitConfigRepository hub = open("unknown-host", sshDir, Optional.of(knownHosts))) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("unknown host key for [127.0.0.1]:" + server.port() + "; add it to known_hosts ("
              + knownHosts + ")")
          .hasMessageContaining("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts);
    }
    assertThat(Files.readString(knownHosts)).as("the hub never adds a host key").isEmpty();
  }

  @Test
  void aChangedHostKeyIsRefused() throws Exception {
    Path sshDir = sshDir("ed25519", "id_ed25519", true);
    Path other = OpenSshServer.keygen("ed25519", temp.resolve("other-host-key-" + System.nanoTime()));
    String[] pub = Files.readString(Path.of(other + ".pub")).split("\\s+");
    Path knownHosts = Files.writeString(temp.resolve("changed_known_hosts"),
        "[127.0.0.1]:" + server.port() + " " + pub[0] + " " + pub[1] + "\n");
    try (JGitConfigRepository hub = open("changed-host", sshDir, Optional.of(knownHosts))) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("the host key of [127.0.0.1]:" + server.port() + " is not the one known_hosts");
    }
  }

  @Test
  void aKeyTheServerDoesNotAcceptSaysCheckTheCredentials() throws Exception {
    Path sshDir = sshDir("ed25519", "id_ed25519", false);
    Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine());
    try (JGitConfigRepository hub = open("refused-key", sshDir, Optional.empty())) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("check the credentials")
          
          .hasMessageContaining("the server refused the key(s) " + sshDir.resolve("id_ed25519"));
    }
  }

  @Test
  void aKeyWithAPassphraseSaysTheHubCannotUseIt() throws Exception {
    Path sshDir = Files.createDirectories(temp.resolve("passphrase-" + System.nanoTime()));
    server.authorize(OpenSshServer.keygen("ed25519", sshDir.resolve("id_ed25519"), "a passphrase"));
    Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine());
    try (JGitConfigRepository hub = open("passphrase", sshDir, Optional.empty())) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          
          .hasMessageContaining("check the credentials")
          .hasMessageContaining("the hub could not use the key(s) " + sshDir.resolve("id_ed25519")
              + ": a key with a passphrase cannot be used");
    }
  }

  @Test
  void noKeyAtAllSaysHowToMakeOne() throws Exception {
    Path sshDir = Files.createDirectories(temp.resolve("no-keys"));
    Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine());
    try (JGitConfigRepository hub = open("no-key", sshDir, Optional.empty())) {
      assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("check the credentials")
          
          .hasMessageContaining("ssh-keygen -t ed25519");
    }
  }

  /** A fresh ssh folder with one key of {@code type}, authorized on the server or not. */
  private static Path sshDir(String type, String file, boolean authorized) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("ssh-" + type + "-" + System.nanoTime()));
    Path key = OpenSshServer.keygen(type, dir.resolve(file));
    if (authorized) {
      server.authorize(key);
    }
    return dir;
  }

  private static JGitConfigRepository open(String name, Path sshDir, Optional<Path> knownHosts) {
    GitSettings settings = GitSettings.of(server.url(USER, repo.remote()), "main",
        temp.resolve("clones").resolve(name + "-" + System.nanoTime()))
        .withAccess(new GitAccess(Optional.empty(), knownHosts, Optional.of(sshDir)));
    return JGitConfigRepository.open(settings);
  }
}
