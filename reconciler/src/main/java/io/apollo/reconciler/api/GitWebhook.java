package io.apollo.reconciler.api;

import io.apollo.reconciler.ReconcilerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a git server's push notification (DESIGN.md section 5): GitHub's {@code X-Hub-Signature-256:
 * sha256=<hex HMAC-SHA256 of the body>} under the secret of {@code --webhook-secret-file}, compared in constant
 * time. The secret is never printed.
 */
public final class GitWebhook {
  private final byte[] secret;

  private GitWebhook(byte[] secret) {
    this.secret = secret.clone();
  }

  /** Reads the secret: the file's text without its trailing newline. */
  public static GitWebhook read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw new ReconcilerException("--webhook-secret-file " + file + " is empty: put the webhook's secret in it");
      }
      return new GitWebhook(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new ReconcilerException("cannot read --webhook-secret-file " + file + ": " + e.getMessage(), e);
    }
  }

  public static GitWebhook of(String secret) {
    return new GitWebhook(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** True when {@code header} is {@code sha256=} and the HMAC of {@code body} under the secret. */
  public boolean verify(String header, byte[] body) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    byte[] expected = sign(body);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring("sha256=".length()).strip().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "GitWebhook[secret hidden]";
  }

  /**
   * The commit a push notification names as the branch's new head ({@code after} in GitHub's and Gitea's push
   * payloads), when the body is JSON and names one; a hook that names none still asks for a fetch.
   */
  static java.util.Optional<String> after(byte[] body) {
    try {
      tools.jackson.databind.JsonNode node = PlanViews.JSON.readTree(body);
      String after = node.path("after").asString("");
      return after.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? java.util.Optional.of(after) : java.util.Optional.empty();
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
