package io.apollo.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class GitWebhookTest {
  private static final String SECRET = "hook-secret-of-tests";

  /** HMAC-SHA256 of {@code body} under {@code secret}, computed apart from the code under test. */
  public static byte[] hmac(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void acceptsOnlyTheBodysSignatureUnderTheSecret() {
    GitWebhook hook = GitWebhook.of("It's a Secret to Everybody");
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    // GitHub's documented example of X-Hub-Signature-256.
    assertThat(hook.verify("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", body))
        .isTrue();
    String mine = "sha256=" + HexFormat.of().formatHex(hmac("It's a Secret to Everybody", "Hello, World!"));
    assertThat(hook.verify(mine, body)).isTrue();
    assertThat(hook.verify(mine, "Hello, World?".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(hook.verify(null, body)).isFalse();
    assertThat(hook.verify("sha1=757107ea", body)).isFalse();
    assertThat(hook.verify("sha256=not-hex", body)).isFalse();
    assertThat(GitWebhook.of("other").verify(mine, body)).isFalse();
    assertThat(hook.toString()).doesNotContain("Secret");
  }

  static Stream<Arguments> notifications() {
    String body = "{\"ref\":\"refs/heads/main\"}";
    String hex = HexFormat.of().formatHex(hmac(SECRET, body));
    String otherHex = HexFormat.of().formatHex(hmac("not-the-secret", body));
    return Stream.of(
        Arguments.of("GitHub, signed", Map.of("X-Hub-Signature-256", "sha256=" + hex), body, "GITHUB"),
        Arguments.of("GitHub, signed in capitals", Map.of("X-Hub-Signature-256", "sha256=" + hex.toUpperCase()),
            body, "GITHUB"),
        Arguments.of("GitHub, another secret", Map.of("X-Hub-Signature-256", "sha256=" + otherHex), body, null),
        Arguments.of("GitHub, body changed", Map.of("X-Hub-Signature-256", "sha256=" + hex), body + " ", null),
        Arguments.of("Gitea, signed", Map.of("X-Gitea-Signature", hex), body, "GITEA"),
        Arguments.of("Gitea, with GitHub's prefix", Map.of("X-Gitea-Signature", "sha256=" + hex), body, null),
        Arguments.of("Gitea, another secret", Map.of("X-Gitea-Signature", otherHex), body, null),
        Arguments.of("GitLab, the token", Map.of("X-Gitlab-Token", SECRET), body, "GITLAB"),
        Arguments.of("GitLab, another token", Map.of("X-Gitlab-Token", SECRET + "x"), body, null),
        Arguments.of("GitLab, a prefix of the token", Map.of("X-Gitlab-Token", SECRET.substring(0, 4)), body, null),
        Arguments.of("GitLab, empty", Map.of("X-Gitlab-Token", ""), body, null),
        Arguments.of("a bad GitHub signature is not saved by a good GitLab token",
            Map.of("X-Hub-Signature-256", "sha256=" + otherHex, "X-Gitlab-Token", SECRET), body, null),
        Arguments.of("no header", Map.of(), body, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notifications")
  void aNotificationIsProvenByTheFirstOfTheThreeHeadersItCarries(String why, Map<String, String> headers,
      String body, String scheme) {
    Optional<GitWebhook.Scheme> proven = GitWebhook.of(SECRET).prove(headers::get,
        body.getBytes(StandardCharsets.UTF_8));

    assertThat(proven.map(Enum::name).orElse(null)).isEqualTo(scheme);
  }

  @Test
  void readsTheNewHeadAPushNames() {
    String head = "0123456789abcdef0123456789abcdef01234567";
    assertThat(GitWebhook.after(("{\"ref\":\"refs/heads/main\",\"after\":\"" + head + "\"}")
        .getBytes(StandardCharsets.UTF_8))).contains(head);
    assertThat(GitWebhook.after("{\"after\":\"main\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(GitWebhook.after("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(GitWebhook.after(new byte[0])).isEmpty();
  }
}
