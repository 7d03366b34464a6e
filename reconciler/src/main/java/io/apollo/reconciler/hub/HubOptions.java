package io.apollo.reconciler.hub;

import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.gitsync.GitAccess;
import io.apollo.reconciler.gitsync.GitSettings;
import io.apollo.reconciler.gitsync.RemoteUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything {@code apollo hub} is told, checked in one place. {@code repo} is a path, {@code file://},
 * {@code http(s)://} or {@code ssh://} URL; {@code port} 0 picks a free port; {@code gitName} and {@code gitEmail}
 * are who the hub commits as; {@code webhookSecretFile}, when given, holds the secret a git server signs its push
 * notifications with; {@code db}, when given, is the {@code jdbc:postgresql:} URL of a store several hubs share
 * (one leads, the others follow), else the store is SQLite in {@code dataDir} and only one hub may use it;
 * {@code gitAccess} holds {@code --git-credentials}, {@code --known-hosts} and {@code --ssh-dir};
 * {@code adminKeys}, when given, is a file of SSH public keys that must sign changes to Role and ApprovalPolicy
 * documents (docs/signed-approvals.md); {@code notificationSecrets}, when given, holds the secrets
 * {@code Notification} documents name, and {@code notificationAttempts} is how many tries a notification gets
 * before it is dead-lettered.
 */
public record HubOptions(String repo, String branch, Path dataDir, String bind, int port, Path spokeTokens,
    Duration pollInterval, String gitName, String gitEmail, long maxBodyBytes, Optional<Path> webhookSecretFile,
    Optional<String> db, GitAccess gitAccess, Optional<Path> adminKeys,
    Optional<Path> notificationSecrets, int notificationAttempts) {
  public static final int DEFAULT_NOTIFICATION_ATTEMPTS = 10;
  public static final String DEFAULT_IDENTITY = GitSettings.DEFAULT_IDENTITY;
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  public HubOptions {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(spokeTokens, "spokeTokens");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(webhookSecretFile, "webhookSecretFile");
    if (repo.isBlank()) {
      throw new ReconcilerException("--repo: give the config repository (a path, file://, http(s):// or ssh:// URL)");
    }
    if (port < 0 || port > 65535) {
      throw new ReconcilerException("--port " + port + ": use 0 (a free port) to 65535");
    }
    if (pollInterval.isZero() || pollInterval.isNegative()) {
      throw new ReconcilerException("--poll-interval: must be positive, such as 30s");
    }
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(gitAccess, "gitAccess");
    Objects.requireNonNull(adminKeys, "adminKeys");
    Objects.requireNonNull(notificationSecrets, "notificationSecrets");
    if (notificationAttempts < 1) {
      throw new ReconcilerException("--notification-attempts " + notificationAttempts + ": give at least 1");
    }
    db.filter(url -> !url.startsWith("jdbc:postgresql://")).ifPresent(url -> {
      throw new ReconcilerException("--db " + io.apollo.reconciler.store.Databases.redact(url) + ": give a"
          + " PostgreSQL JDBC URL such as jdbc:postgresql://db.example.com:5432/apollo?user=apollo, or leave --db"
          + " out for SQLite in --data-dir");
    });
  }

  /** With what the remote's URL says only (no {@code --git-credentials}, {@code --known-hosts}, {@code --ssh-dir}),
   * and without {@code --admin-keys}: role and policy changes govern as committed;
   * and without notification secrets: a Notification that names a secret is dead-lettered, as shown on /v1/status. */
  public HubOptions(String repo, String branch, Path dataDir, String bind, int port, Path spokeTokens,
      Duration pollInterval, String gitName, String gitEmail, long maxBodyBytes, Optional<Path> webhookSecretFile,
      Optional<String> db) {
    this(repo, branch, dataDir, bind, port, spokeTokens, pollInterval, gitName, gitEmail, maxBodyBytes,
        webhookSecretFile, db, GitAccess.none(), Optional.empty(), Optional.empty(), DEFAULT_NOTIFICATION_ATTEMPTS);
  }

  /** The same options with {@code --git-credentials}, {@code --known-hosts} and {@code --ssh-dir}. */
  public HubOptions withGitAccess(GitAccess access) {
    return new HubOptions(repo, branch, dataDir, bind, port, spokeTokens, pollInterval, gitName, gitEmail,
        maxBodyBytes, webhookSecretFile, db, access, adminKeys, notificationSecrets, notificationAttempts);
  }

  /** The same options with {@code --admin-keys}. */
  public HubOptions withAdminKeys(Optional<Path> keys) {
    return new HubOptions(repo, branch, dataDir, bind, port, spokeTokens, pollInterval, gitName, gitEmail,
        maxBodyBytes, webhookSecretFile, db, gitAccess, keys, notificationSecrets, notificationAttempts);
  }

  /** The same options with {@code --notification-secrets} and {@code --notification-attempts}. */
  public HubOptions withNotifications(Optional<Path> secrets, int attempts) {
    return new HubOptions(repo, branch, dataDir, bind, port, spokeTokens, pollInterval, gitName, gitEmail,
        maxBodyBytes, webhookSecretFile, db, gitAccess, adminKeys, secrets, attempts);
  }

  /** The options as people may be shown them: no password of the remote's URL nor of {@code --db}. */
  @Override
  public String toString() {
    return "HubOptions[repo=" + RemoteUrl.shown(repo) + ", branch=" + branch + ", dataDir=" + dataDir + ", bind="
        + bind + ", port=" + port + ", db=" + db.map(io.apollo.reconciler.store.Databases::redact) + ", gitAccess="
        + gitAccess + ", adminKeys=" + adminKeys + "]";
  }

  /** Without {@code --db}: SQLite in {@code dataDir}. */
  public HubOptions(String repo, String branch, Path dataDir, String bind, int port, Path spokeTokens,
      Duration pollInterval, String gitName, String gitEmail, long maxBodyBytes, Optional<Path> webhookSecretFile) {
    this(repo, branch, dataDir, bind, port, spokeTokens, pollInterval, gitName, gitEmail, maxBodyBytes,
        webhookSecretFile, Optional.empty());
  }

  /** Parses {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT30S}), naming the option. */
  public static Duration duration(String option, String text) {
    Matcher m = DURATION.matcher(text.strip());
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      return Duration.parse(text.strip());
    } catch (RuntimeException e) {
      throw new ReconcilerException(option + " " + text + ": not a duration; use such as 30s, 500ms, 5m or PT30S");
    }
  }

  /** Splits {@code Name <email>} as git writes an author ({@link GitSettings#parseIdentity}). */
  public static GitSettings.Identity identity(String text) {
    return GitSettings.parseIdentity(text);
  }

  /** Where the hub keeps its clone of the repository: {@code <data-dir>/repo.git}. */
  public GitSettings gitSettings() {
    return new GitSettings(repo, branch, dataDir.resolve("repo.git"), gitName, gitEmail, Duration.ofSeconds(60),
        gitAccess);
  }

  /** Reads {@code --name value} pairs (the options of {@code apollo hub}) for {@link HubMain}. */
  public static HubOptions fromArgs(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String name = rest.removeFirst();
      if (!name.startsWith("--") || rest.isEmpty()) {
        throw new ReconcilerException("expected --option value pairs, found '" + name + "'");
      }
      values.put(name, rest.removeFirst());
    }
    GitSettings.Identity who = identity(values.getOrDefault("--git-identity", DEFAULT_IDENTITY));
    return new HubOptions(
        required(values, "--repo"),
        values.getOrDefault("--branch", "main"),
        Path.of(required(values, "--data-dir")),
        values.getOrDefault("--bind", "127.0.0.1"),
        Integer.parseInt(values.getOrDefault("--port", "8080")),
        Path.of(required(values, "--spoke-tokens")),
        duration("--poll-interval", values.getOrDefault("--poll-interval", "30s")),
        who.name(), who.email(),
        Optional.ofNullable(values.get("--max-body-bytes")).map(Long::parseLong).orElse(DEFAULT_MAX_BODY_BYTES),
        Optional.ofNullable(values.get("--webhook-secret-file")).map(Path::of),
        Optional.ofNullable(values.get("--db")))
        .withGitAccess(new GitAccess(Optional.ofNullable(values.get("--git-credentials")).map(Path::of),
            Optional.ofNullable(values.get("--known-hosts")).map(Path::of),
            Optional.ofNullable(values.get("--ssh-dir")).map(Path::of)))
        .withAdminKeys(Optional.ofNullable(values.get("--admin-keys")).map(Path::of))
        .withNotifications(Optional.ofNullable(values.get("--notification-secrets")).map(Path::of),
            attempts(values.getOrDefault("--notification-attempts", String.valueOf(DEFAULT_NOTIFICATION_ATTEMPTS))));
  }

  private static int attempts(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new ReconcilerException("--notification-attempts " + text + ": not a number; give such as 10");
    }
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null) {
      throw new ReconcilerException(name + " is required");
    }
    return value;
  }
}
