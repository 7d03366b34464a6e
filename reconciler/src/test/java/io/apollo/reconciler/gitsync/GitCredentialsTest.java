package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitCredentialsTest {
  private static final String FILE = """
      # tokens of the hub, in git credential-store's format
      https://ops:t0k%40en@git.example.com/platform
      https://hub:tok-any@git.example.com
      http://hub:tok-port@127.0.0.1:8080

      https://bot:tok+plus@gitlab.example.com
      """;

  @TempDir Path temp;

  static Stream<Arguments> remotes() {
    return Stream.of(
        Arguments.of("a line with a path, for a repository under it", "https://git.example.com/platform/fleet.git",
            "ops", "t0k@en"),
        Arguments.of("the host's line, for a repository elsewhere on it", "https://git.example.com/other/x.git",
            "hub", "tok-any"),
        Arguments.of("the user named in the URL picks its line", "https://hub@git.example.com/platform/fleet.git",
            "hub", "tok-any"),
        Arguments.of("the default port is the port", "https://git.example.com:443/other/x.git", "hub", "tok-any"),
        Arguments.of("an explicit port", "http://127.0.0.1:8080/git/fleet.git", "hub", "tok-port"),
        Arguments.of("a + in a token is a +", "https://gitlab.example.com/g/fleet.git", "bot", "tok+plus"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("remotes")
  void aRemoteTakesTheFirstLineForItsSchemeHostPortAndPath(String why, String remote, String user, String token)
      throws Exception {
    GitCredentials.Entry entry = GitCredentials.read(Files.writeString(temp.resolve("creds"), FILE))
        .forRemote(new URIish(remote));

    assertThat(entry.user()).isEqualTo(user);
    assertThat(entry.password()).isEqualTo(token);
  }

  static Stream<Arguments> noLine() {
    return Stream.of(
        Arguments.of("another host", "https://git.other.example.com/fleet.git"),
        Arguments.of("another port", "http://127.0.0.1:9090/git/fleet.git"),
        Arguments.of("another scheme", "http://git.example.com/other/x.git"),
        Arguments.of("another user", "https://carol@gitlab.example.com/g/fleet.git"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noLine")
  void aRemoteNoLineIsForIsRefusedNamingTheLinesWithoutTokens(String why, String remote) throws Exception {
    Path file = Files.writeString(temp.resolve("creds"), FILE);
    GitCredentials credentials = GitCredentials.read(file);

    assertThatThrownBy(() -> credentials.forRemote(new URIish(remote))).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("--git-credentials " + file + " has no line for")
        .hasMessageContaining("https://ops@git.example.com/platform (line 2)")
        .hasMessageNotContaining("t0k").hasMessageNotContaining("tok-");
  }

  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("no user and token", "https://git.example.com\n", "names no USER:TOKEN@HOST"),
        Arguments.of("no token", "https://hub@git.example.com\n", "names no USER:TOKEN@HOST"),
        Arguments.of("an empty token", "https://hub:@git.example.com\n", "the token after USER: is empty"),
        Arguments.of("an ssh URL", "ssh://git:secret-tok@git.example.com\n", "http(s):// remotes only"),
        Arguments.of("not a URL", "hub secret-tok\n", "not a URL"),
        Arguments.of("a broken escape", "https://hub:secret-tok%zz@git.example.com\n", "percent-encode"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void aBadLineIsNamedByFileAndLineWithoutItsText(String why, String line, String message) throws Exception {
    Path file = Files.writeString(temp.resolve("creds"), "# comment\n" + line);

    assertThatThrownBy(() -> GitCredentials.read(file)).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("--git-credentials " + file + ":2: ").hasMessageContaining(message)
        .hasMessageNotContaining("secret-tok");
  }

  @Test
  void anEmptyOrMissingFileIsAClearError() throws Exception {
    Path empty = Files.writeString(temp.resolve("empty"), "# nothing yet\n\n");
    assertThatThrownBy(() -> GitCredentials.read(empty)).hasMessageContaining("holds no credentials");
    assertThatThrownBy(() -> GitCredentials.read(temp.resolve("missing")))
        .hasMessageContaining("cannot read --git-credentials " + temp.resolve("missing"));
  }
}
