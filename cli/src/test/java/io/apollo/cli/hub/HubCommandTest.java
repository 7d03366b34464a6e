package io.apollo.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apollo hub}'s options: help with an example, and errors that name the option before anything starts. */
class HubCommandTest {
  @TempDir Path temp;

  @Test
  void helpShowsEveryOptionAndAnExample() {
    CliRun run = CliRun.of("hub", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--repo", "--branch", "--data-dir", "--port", "--bind", "--spoke-tokens",
        "--poll-interval", "--git-identity", "--git-credentials", "--known-hosts", "--ssh-dir", "X-Gitlab-Token",
        "Example:", "curl -s http://127.0.0.1:8080/v1/plans");
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    CliRun run = CliRun.of("hub", "--data-dir", temp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--repo").contains("--spoke-tokens");
  }

  @Test
  void badValuesNameTheOptionAndWhatToGive() throws Exception {
    Path tokens = Files.writeString(temp.resolve("tokens"), "staging-spoke secret-token\n");
    CliRun interval = CliRun.of("hub", "--repo", temp.toString(), "--data-dir", temp.resolve("d").toString(),
        "--spoke-tokens", tokens.toString(), "--poll-interval", "often");
    assertThat(interval.exitCode()).isEqualTo(1);
    assertThat(interval.err()).contains("--poll-interval often").contains("30s");
    CliRun identity = CliRun.of("hub", "--repo", temp.toString(), "--data-dir", temp.resolve("d").toString(),
        "--spoke-tokens", tokens.toString(), "--git-identity", "nobody");
    assertThat(identity.exitCode()).isEqualTo(1);
    assertThat(identity.err()).contains("--git-identity 'nobody'");
    Path badTokens = Files.writeString(temp.resolve("bad-tokens"), "staging-spoke\n");
    CliRun tokensRun = CliRun.of("hub", "--repo", temp.toString(), "--data-dir", temp.resolve("d").toString(),
        "--spoke-tokens", badTokens.toString(), "--port", "0");
    assertThat(tokensRun.exitCode()).isEqualTo(1);
    assertThat(tokensRun.err()).contains("bad-tokens:1:").doesNotContain("secret-token");
  }
}
