package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitSettingsTest {
  static Stream<Arguments> identities() {
    return Stream.of(
        Arguments.of("the default", "Apollo Hub <hub@apollo.invalid>", "Apollo Hub", "hub@apollo.invalid"),
        Arguments.of("spaces around", "  Ops Bot   <ops@example.com>  ", "Ops Bot", "ops@example.com"),
        Arguments.of("a one-word name", "bot <bot@example.com>", "bot", "bot@example.com"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void anIdentityIsParsedAsGitWritesAnAuthor(String why, String value, String name, String email) {
    GitSettings.Identity identity = GitSettings.parseIdentity(value);

    assertThat(identity.name()).isEqualTo(name);
    assertThat(identity.email()).isEqualTo(email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hub@apollo.invalid", "<hub@apollo.invalid>", "Hub <not-an-email>", "Hub <a@b> x",
      "Hub <<a@b>>"})
  void aMalformedIdentitySaysWhatFormIsExpected(String value) {
    assertThatThrownBy(() -> GitSettings.parseIdentity(value)).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("--git-identity '" + value + "'")
        .hasMessageContaining("'Name <email>'");
  }

  @Test
  void settingsRefuseANonsenseBranchOrTimeout() {
    Path dir = Path.of("clone");

    assertThat(GitSettings.of("/srv/config.git", "main", dir).identityEmail()).isEqualTo("hub@apollo.invalid");
    assertThatThrownBy(() -> GitSettings.of("/srv/config.git", "refs/heads/main", dir))
        .hasMessageContaining("not a branch name");
    assertThatThrownBy(() -> new GitSettings("x", "main", dir, "n", "e@x", Duration.ZERO))
        .hasMessageContaining("timeout must be positive");
    assertThat(GitSettings.of("x", "main", dir).withIdentity(GitSettings.parseIdentity("A <a@x>")).identityName())
        .isEqualTo("A");
  }
}
