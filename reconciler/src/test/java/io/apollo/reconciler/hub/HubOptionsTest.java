package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubOptionsTest {
  @Test
  void defaultsAreThoseOfApolloHub() {
    HubOptions o = HubOptions.fromArgs(List.of("--repo", "/srv/fleet.git", "--data-dir", "/var/lib/apollo",
        "--spoke-tokens", "/etc/apollo/tokens"));
    assertThat(o.branch()).isEqualTo("main");
    assertThat(o.port()).isEqualTo(8080);
    assertThat(o.bind()).isEqualTo("127.0.0.1");
    assertThat(o.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.gitName()).isEqualTo("Apollo Hub");
    assertThat(o.gitEmail()).isEqualTo("hub@apollo.invalid");
    assertThat(o.gitSettings().localDir()).isEqualTo(Path.of("/var/lib/apollo/repo.git"));
    assertThat(o.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(o.db()).as("SQLite in --data-dir").isEmpty();
  }

  @Test
  void dbTakesAPostgresUrlOnlyAndNeverEchoesItsPassword() {
    HubOptions o = HubOptions.fromArgs(List.of("--repo", "r", "--data-dir", "d", "--spoke-tokens", "t",
        "--db", "jdbc:postgresql://db:5432/apollo?user=apollo"));
    assertThat(o.db()).contains("jdbc:postgresql://db:5432/apollo?user=apollo");
    assertThatThrownBy(() -> HubOptions.fromArgs(List.of("--repo", "r", "--data-dir", "d", "--spoke-tokens", "t",
        "--db", "jdbc:mysql://db/apollo?user=a&password=s3cret")))
        .isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("--db jdbc:mysql://db/apollo?user=a&password=***")
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void gitAccessFlagsAreReadAndThePasswordOfTheRepoIsNeverShown(@org.junit.jupiter.api.io.TempDir Path temp)
      throws Exception {
    Path credentials = java.nio.file.Files.writeString(temp.resolve("creds"), "https://hub:t0ken@git.example.com\n");
    Path knownHosts = java.nio.file.Files.writeString(temp.resolve("known_hosts"), "");
    HubOptions o = HubOptions.fromArgs(List.of("--repo", "https://hub:s3cret@git.example.com/fleet.git",
        "--data-dir", "d", "--spoke-tokens", "t", "--git-credentials", credentials.toString(), "--known-hosts",
        knownHosts.toString(), "--ssh-dir", temp.toString()));

    assertThat(o.gitAccess().credentials()).contains(credentials);
    assertThat(o.gitSettings().access().knownHosts()).contains(knownHosts);
    assertThat(o.gitSettings().access().sshDir()).contains(temp);
    assertThat(o.toString()).contains("https://hub@git.example.com/fleet.git").doesNotContain("s3cret");
    assertThat(o.gitSettings().toString()).doesNotContain("s3cret");
  }

  @Test
  void aKnownHostsFileMustBeARegularFileNeverDevNull() {
    assertThatThrownBy(() -> HubOptions.fromArgs(List.of("--repo", "r", "--data-dir", "d", "--spoke-tokens", "t",
        "--known-hosts", "/dev/null")))
        .isInstanceOf(ReconcilerException.class).hasMessageContaining("--known-hosts /dev/null is not a regular file");
    assertThatThrownBy(() -> HubOptions.fromArgs(List.of("--repo", "r", "--data-dir", "d", "--spoke-tokens", "t",
        "--ssh-dir", "/no/such/folder")))
        .isInstanceOf(ReconcilerException.class).hasMessageContaining("--ssh-dir /no/such/folder is not a folder");
  }

  @Test
  void valuesAreCheckedNamingTheOption() {
    assertThat(HubOptions.duration("--poll-interval", "1500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(HubOptions.duration("--poll-interval", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(HubOptions.duration("--poll-interval", "PT1H")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> HubOptions.duration("--poll-interval", "often"))
        .isInstanceOf(ReconcilerException.class).hasMessageContaining("--poll-interval often");
    assertThatThrownBy(() -> HubOptions.fromArgs(List.of("--data-dir", "d", "--spoke-tokens", "t")))
        .hasMessageContaining("--repo is required");
    assertThatThrownBy(() -> HubOptions.fromArgs(List.of("--repo", "r", "--data-dir", "d", "--spoke-tokens", "t",
        "--port", "70000"))).hasMessageContaining("--port 70000");
    assertThatThrownBy(() -> HubOptions.fromArgs(List.of("--repo", "r", "--data-dir", "d", "--spoke-tokens", "t",
        "--poll-interval", "0s"))).hasMessageContaining("--poll-interval");
  }
}
