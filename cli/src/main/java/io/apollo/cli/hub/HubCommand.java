package io.apollo.cli.hub;

import io.apollo.reconciler.gitsync.GitAccess;
import io.apollo.reconciler.hub.Hub;
import io.apollo.reconciler.hub.HubMain;
import io.apollo.reconciler.hub.HubOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code apollo hub}: governs a fleet from a config repository (DESIGN.md sections 4, 5 and 7) until stopped.
 * Prints {@code apollo hub: listening on <url>} once it listens (with {@code --port 0}, the port it picked), then
 * logs in words what it does on stderr. Stops cleanly on Ctrl-C or SIGTERM.
 */
@Command(
    name = "hub",
    description = "Run the hub: sync the config repository, propose plans in git, take approval by merge, dispatch"
        + " to spokes and take their reports. Stops on Ctrl-C.",
    footer = {
        "",
        "Example:",
        "  apollo hub --repo https://git.example.com/platform/fleet.git \\",
        "      --data-dir /var/lib/apollo --spoke-tokens spoke-tokens --port 8080",
        "",
        "  where spoke-tokens holds one '<spoke-name> <token>' per line, e.g. made with",
        "  echo \"staging-spoke $(openssl rand -hex 24)\" > spoke-tokens",
        "  then: curl -s http://127.0.0.1:8080/v1/plans"},
    mixinStandardHelpOptions = true)
public final class HubCommand implements Callable<Integer> {

  @Option(names = "--repo", required = true, paramLabel = "URL",
      description = "The config repository: a path, file://, http(s):// or ssh:// URL.")
  String repo;

  @Option(names = "--branch", defaultValue = "main", paramLabel = "NAME",
      description = "The governed branch (default: ${DEFAULT-VALUE}).")
  String branch;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "Where the hub keeps its clone and its database (hub.db).")
  Path dataDir;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "The API's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "The address the API listens on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--spoke-tokens", required = true, paramLabel = "FILE",
      description = "Spoke credentials: one '<spoke-name> <token>' per line, # comments.")
  Path spokeTokens;

  @Option(names = "--poll-interval", defaultValue = "30s", paramLabel = "DURATION",
      description = "How often to fetch the repository, such as 30s or 5m (default: ${DEFAULT-VALUE}).")
  String pollInterval;

  @Option(names = "--git-identity", defaultValue = HubOptions.DEFAULT_IDENTITY, paramLabel = "'NAME <EMAIL>'",
      description = "Who the hub's commits are by (default: ${DEFAULT-VALUE}).")
  String gitIdentity;

  @Option(names = "--webhook-secret-file", paramLabel = "FILE",
      description = "The secret of push notifications to POST /v1/hooks/git: GitHub's X-Hub-Signature-256,"
          + " Gitea's X-Gitea-Signature or GitLab's X-Gitlab-Token; without it the webhook is off and the hub"
          + " fetches every --poll-interval.")
  Path webhookSecretFile;

  @Option(names = "--git-credentials", paramLabel = "FILE",
      description = "HTTP credentials for an http(s):// --repo, as git credential-store writes them: one"
          + " https://USER:TOKEN@HOST per line (percent-encoded), so the token is not in the process's arguments.")
  Path gitCredentials;

  @Option(names = "--known-hosts", paramLabel = "FILE",
      description = "The known_hosts file an ssh:// --repo's host key must be in (default: known_hosts in the ssh"
          + " folder); e.g. ssh-keyscan -p PORT HOST > FILE. Unknown or changed host keys are always refused.")
  Path knownHosts;

  @Option(names = "--ssh-dir", paramLabel = "DIR",
      description = "The folder of the hub's ssh key (id_ed25519, id_ecdsa or id_rsa), config and known_hosts"
          + " (default: ~/.ssh of the user the hub runs as, from the user database, not $HOME).")
  Path sshDir;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "A PostgreSQL database several hubs share (jdbc:postgresql://host:5432/db?user=...): one leads,"
          + " the others serve reads and take over when it stops. Default: SQLite in --data-dir, one hub only.")
  String db;

  @Option(names = "--admin-keys", paramLabel = "FILE",
      description = "SSH public keys (one .pub line each) that must sign changes to Role and ApprovalPolicy files;"
          + " an unsigned change is not applied, the last accepted roles and policies govern, and /v1/status"
          + " says why (docs/signed-approvals.md).")
  Path adminKeys;

  @Option(names = "--notification-secrets", paramLabel = "FILE",
      description = "The secrets Notification documents name (webhook.secretRef, slack.urlRef): one '<name> <secret>'"
          + " per line, # comments; never in git (docs/notifications.md).")
  Path notificationSecrets;

  @Option(names = "--notification-attempts", defaultValue = "10", paramLabel = "N",
      description = "Tries of a notification before it is dead-lettered (default: ${DEFAULT-VALUE}).")
  int notificationAttempts;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    var identity = HubOptions.identity(gitIdentity);
    HubOptions options = new HubOptions(repo, branch, dataDir, bind, port, spokeTokens,
        HubOptions.duration("--poll-interval", pollInterval), identity.name(), identity.email(),
        HubOptions.DEFAULT_MAX_BODY_BYTES, java.util.Optional.ofNullable(webhookSecretFile),
        java.util.Optional.ofNullable(db))
        .withGitAccess(new GitAccess(java.util.Optional.ofNullable(gitCredentials),
            java.util.Optional.ofNullable(knownHosts), java.util.Optional.ofNullable(sshDir)))
        .withAdminKeys(java.util.Optional.ofNullable(adminKeys))
        .withNotifications(java.util.Optional.ofNullable(notificationSecrets), notificationAttempts);
    Hub hub = Hub.start(options, HubMain::openGit, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      hub.close();
      stopped.countDown();
    }, "apollo-hub-shutdown"));
    spec.commandLine().getOut().println("apollo hub: listening on " + hub.url());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
