package io.apollo.reconciler.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: the secrets file, and its errors at file:line without the secret. */
class NotificationSecretsTest {
  @TempDir Path temp;

  @Test
  void readsNamesAndSecretsAndSkipsComments() throws Exception {
    Path file = Files.writeString(temp.resolve("s"), "# hooks\nshop-hook abc123\n\n  slack-sre https://hooks.slack.com/x\n");
    NotificationSecrets secrets = NotificationSecrets.read(file);
    assertThat(secrets.secret("shop-hook")).contains("abc123");
    assertThat(secrets.secret("slack-sre")).contains("https://hooks.slack.com/x");
    assertThat(secrets.secret("nope")).isEmpty();
  }

  @Test
  void aBadLineIsNamedWithoutShowingTheSecret() throws Exception {
    Path file = Files.writeString(temp.resolve("s"), "ok one\nbroken two hunter2\n");
    assertThatThrownBy(() -> NotificationSecrets.read(file)).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining(file + ":2").hasMessageNotContaining("hunter2");
    Path twice = Files.writeString(temp.resolve("t"), "a x\na y\n");
    assertThatThrownBy(() -> NotificationSecrets.read(twice)).hasMessageContaining(twice + ":2");
    assertThatThrownBy(() -> NotificationSecrets.read(temp.resolve("missing")))
        .hasMessageContaining("--notification-secrets");
  }

  @Test
  void theSignatureIsGithubStyleHmac() {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac key
    assertThat(Signature.of("key", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=" + hmacByOpenssl());
  }

  private static String hmacByOpenssl() {
    try {
      Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", "key").start();
      p.getOutputStream().write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return out.substring(out.lastIndexOf(' ') + 1);
    } catch (Exception e) {
      throw new IllegalStateException("openssl is needed for this check", e);
    }
  }
}
