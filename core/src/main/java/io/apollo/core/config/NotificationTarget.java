package io.apollo.core.config;

import java.net.URI;
import java.util.Objects;

/**
 * Where a {@code Notification} is delivered. Secrets are named, never written in the repository: the hub reads
 * their values from its {@code --notification-secrets} file.
 */
public sealed interface NotificationTarget {
  /** The name of the secret this target needs from the hub's secrets file. */
  String secretRef();

  /**
   * A generic webhook: the event as JSON, POSTed to {@code url}, signed {@code X-Apollo-Signature: sha256=<hex
   * HMAC-SHA256 of the body>} under the secret named {@code secretRef}.
   */
  record Webhook(URI url, String secretRef) implements NotificationTarget {
    public Webhook {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(secretRef, "secretRef");
    }
  }

  /**
   * A Slack incoming webhook: the event as a Slack message ({@code text} and {@code blocks}). Its URL is itself the
   * credential, so it is the secret named {@code urlRef}.
   */
  record Slack(String urlRef) implements NotificationTarget {
    public Slack {
      Objects.requireNonNull(urlRef, "urlRef");
    }

    @Override
    public String secretRef() {
      return urlRef;
    }
  }
}
