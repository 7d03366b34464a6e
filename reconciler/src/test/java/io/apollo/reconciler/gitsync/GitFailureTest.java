package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitFailureTest {
  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("http, wrong token", "https://git.example.com/fleet.git: not authorized", GitFailure.NOT_AUTHORIZED),
        Arguments.of("http, no token", "https://git.example.com/fleet.git: Authentication is required but no "
            + "CredentialsProvider has been registered", GitFailure.NOT_AUTHORIZED),
        Arguments.of("ssh, key refused", "ssh://git@host:22: Cannot log in at host:22: git@host:22: no more keys to "
            + "try", GitFailure.NOT_AUTHORIZED),
        Arguments.of("ssh, no key", "git@host:22: no keys to try", GitFailure.NOT_AUTHORIZED),
        Arguments.of("not found", "https://git.example.com/nope.git: Git repository not found",
            GitFailure.NOT_FOUND),
        Arguments.of("a path that is no repository", "/srv/nope.git: not a git repository", GitFailure.NOT_FOUND),
        Arguments.of("refused", "ssh://git@127.0.0.1:2: Connection refused", GitFailure.UNREACHABLE),
        Arguments.of("refused on a port with 401 in it", "http://127.0.0.1:14013/x.git: Connection refused",
            GitFailure.UNREACHABLE),
        Arguments.of("http 403", "https://git.example.com/fleet.git: 403 Forbidden", GitFailure.NOT_AUTHORIZED),
        Arguments.of("unknown host", "https://nowhere.invalid/x.git: cannot open git-upload-pack: "
            + "java.net.UnknownHostException: nowhere.invalid", GitFailure.UNREACHABLE),
        Arguments.of("timeout", "https://git.example.com/fleet.git: Read timed out", GitFailure.TIMED_OUT),
        Arguments.of("anything else", "https://git.example.com/fleet.git: unexpected end of stream",
            GitFailure.OTHER),
        Arguments.of("no words", null, GitFailure.OTHER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void aFailureIsToldFromTheTransportsWords(String why, String message, GitFailure kind) {
    assertThat(GitFailure.of(message, Optional.empty())).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void aHostKeyRefusalSeenDecidesWhateverTheWords(String why, String message, GitFailure ignored) {
    assertThat(GitFailure.of(message, Optional.of(new SshAccess.Refusal(SshAccess.HostKeyProblem.UNKNOWN, "[h]:2"))))
        .isEqualTo(GitFailure.UNKNOWN_HOST_KEY);
    assertThat(GitFailure.of(message, Optional.of(new SshAccess.Refusal(SshAccess.HostKeyProblem.CHANGED, "h"))))
        .isEqualTo(GitFailure.HOST_KEY_CHANGED);
  }
}
