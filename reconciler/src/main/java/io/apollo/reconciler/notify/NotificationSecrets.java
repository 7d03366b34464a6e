package io.apollo.reconciler.notify;

import io.apollo.reconciler.secrets.SecretLines;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The values behind the {@code secretRef}/{@code urlRef} names of {@code Notification} documents, read from the
 * hub's {@code --notification-secrets} file: one {@code <name> <secret>} per line, {@code #} comments, as
 * {@code --spoke-tokens}. Never from the config repository, never logged.
 */
public final class NotificationSecrets {
  private final Map<String, String> byName;

  private NotificationSecrets(Map<String, String> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static NotificationSecrets none() {
    return new NotificationSecrets(Map.of());
  }

  public static NotificationSecrets of(Map<String, String> byName) {
    return new NotificationSecrets(byName);
  }

  /** Reads the file; an error names the file and line, never the secret. */
  public static NotificationSecrets read(Path file) {
    return new NotificationSecrets(new SecretLines("--notification-secrets", "name", "secret").read(file));
  }

  public Optional<String> secret(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
