package io.apollo.reconciler.notify;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReconcilerException("cannot read the notification secrets file " + file + ": " + e.getMessage()
          + " (give --notification-secrets a file of '<name> <secret>' lines)", e);
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new ReconcilerException(file + ":" + (i + 1) + ": expected '<name> <secret>', found " + parts.length
            + " words (the secret itself is not shown)");
      }
      if (secrets.put(parts[0], parts[1]) != null) {
        throw new ReconcilerException(file + ":" + (i + 1) + ": secret " + parts[0] + " is given twice; keep one"
            + " line per name");
      }
    }
    return new NotificationSecrets(secrets);
  }

  public Optional<String> secret(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
