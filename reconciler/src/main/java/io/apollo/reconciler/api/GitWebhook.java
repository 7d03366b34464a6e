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
 * Checks a git server's push notification (DESIGN.md section 5) against the secret of {@code --webhook-secret-file}:
 * GitHub's (and Forgejo's) {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}, Gitea's
 * {@code X-Gitea-Signature: <hex HMAC-SHA256 of the body>}, or GitLab's {@code X-Gitlab-Token: <the secret>}. Every
 * comparison takes the same time whatever the value given; the secret is never printed.
 */
public final class GitWebhook {
  /** How a notification proves it comes from the git server; the first header present is the one checked. */
  public enum Scheme {
    /** GitHub, Forgejo and Gitea 1.x's GitHub-compatible header: {@code sha256=} and the body's HMAC-SHA256. */
    GITHUB("X-Hub-Signature-256"),
    /** Gitea's own header: the body's HMAC-SHA256 in hex. */
    GITEA("X-Gitea-Signature"),
    /** GitLab's header: the secret itself (GitLab signs nothing; use https). */
    GITLAB("X-Gitlab-Token");

    private final String header;

    Scheme(String header) {
      this.header = header;
    }

    /** The HTTP header it is sent in. */
    public String header() {
      return header;
    }
  }


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

  /**
   * The scheme a notification with these {@code headers} (a lookup by name) and {@code body} was proven with; empty
   * when none of the three headers is there, or the first one there does not match.
   */
  public java.util.Optional<Scheme> prove(java.util.function.UnaryOperator<String> headers, byte[] body) {
    for (Scheme scheme : Scheme.values()) {
      String value = headers.apply(scheme.header());
      if (value != null) {
        boolean proven = switch (scheme) {
          case GITHUB -> verify(value, body);
          case GITEA -> matches(value.strip(), body);
          case GITLAB -> MessageDigest.isEqual(sha256(value.strip().getBytes(StandardCharsets.UTF_8)),
              sha256(secret));
        };
        return proven ? java.util.Optional.of(scheme) : java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  /** True when {@code header} is {@code sha256=} and the HMAC of {@code body} under the secret. */
  public boolean verify(String header, byte[] body) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    return matches(header.substring("sha256=".length()).strip(), body);
  }

  /** True when {@code hex} is the HMAC-SHA256 of {@code body} under the secret. */
  private boolean matches(String hex, byte[] body) {
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(sign(body), given);
  }

  /** A digest of each side, so that comparing a token takes the same time whatever its length. */
  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
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
   * The commit a push notification names as the branch's new head ({@code after} in GitHub's, Gitea's and GitLab's
   * push payloads), when the body is JSON and names one; a hook that names none still asks for a fetch.
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
