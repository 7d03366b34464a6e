package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 from outside: a hub process given an ed25519 key with {@code --ssh-dir} and a known-hosts file with
 * {@code --known-hosts}, against a real OpenSSH server on a loopback port. While the server's host key is not in the
 * file, {@code /v1/status} says "unknown host key for [127.0.0.1]:PORT; add it to known_hosts" (not "no keys to
 * try"); once the line is added, the next fetch works without a restart, and a plan is pushed over ssh.
 */
class HubSshRemoteIT {
  @TempDir Path temp;

  @Test
  void anUnknownHostKeyIsSaidInStatusAndAddingItToKnownHostsIsEnough() throws Exception {
    try (TestSpoke spoke = new TestSpoke(); OpenSshServer server = OpenSshServer.start(temp.resolve("sshd"))) {
      GitFixture git = GitFixture.fromFolder(temp, TestRepo.open(spoke.url()).writeTo(temp.resolve("desired")));
      Path sshDir = Files.createDirectories(temp.resolve("hub-ssh"));
      server.authorize(OpenSshServer.keygen("ed25519", sshDir.resolve("id_ed25519")));
      Path knownHosts = Files.writeString(temp.resolve("known_hosts"), "");
      Path tokens = Files.writeString(temp.resolve("spoke-tokens"), "staging-spoke " + HubHarness.STAGING_TOKEN
          + "\n");
      List<String> args = List.of("--repo", server.url(System.getProperty("user.name"), git.remote()),
          "--data-dir", temp.resolve("hub").toString(), "--spoke-tokens", tokens.toString(), "--port", "0",
          "--poll-interval", "500ms", "--ssh-dir", sshDir.toString(), "--known-hosts", knownHosts.toString());
      try (HubProcess hub = HubProcess.start(temp.resolve("hub.log"), args)) {
        HubClient client = new HubClient(hub.url());
        JsonNode status = HubClient.eventually("the hub to say the fetch fails", () -> Optional.of(
            client.get("/v1/status").body()).filter(s -> s.path("fetchError").isString()));
        assertThat(status.path("fetchError").asString())
            .contains("unknown host key for [127.0.0.1]:" + server.port() + "; add it to known_hosts ("
                + knownHosts + ")")
            .contains("ssh-keyscan -p " + server.port() + " 127.0.0.1");
        assertThat(Files.readString(knownHosts)).as("the hub never adds a host key").isEmpty();

        Files.writeString(knownHosts, server.knownHostsLine());
        String head = git.remoteHead("main").orElseThrow();
        HubClient.eventually("the commit to govern once the host key is known", Duration.ofSeconds(90),
            () -> Optional.of(client.get("/v1/status").body()).filter(s -> s.path("commit").asString("")
                .equals(head) && s.path("fetchError").isNull()));

        HubClient.eventually("the hub to take a report", () -> Optional.of(client.report("staging-spoke",
            HubHarness.STAGING_TOKEN, Reports.of("staging-spoke").json()).status()).filter(s -> s == 202));
        String id = client.awaitOpenPlan("staging/web", p -> p.path("state").asString().equals("DISPATCHED"))
            .path("id").asString();
        assertThat(git.remoteFile("main", "plans/staging/" + id + ".yaml")).as("pushed over ssh").isPresent();
      }
      assertThat(server.log()).contains("Accepted publickey for " + System.getProperty("user.name"))
          .contains("ED25519");
    }
  }
}
