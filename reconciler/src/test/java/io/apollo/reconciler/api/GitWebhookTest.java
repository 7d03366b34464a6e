package io.apollo.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

public class GitWebhookTest {
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
