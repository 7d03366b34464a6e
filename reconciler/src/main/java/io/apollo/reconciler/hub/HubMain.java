package io.apollo.reconciler.hub;

import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.gitsync.JGitConfigRepository;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a hub from the reconciler's own classpath: {@code java -cp ... io.apollo.reconciler.hub.HubMain --repo URL
 * --data-dir DIR --spoke-tokens FILE [--port 8080] [--bind 127.0.0.1] [--branch main] [--poll-interval 30s]
 * [--git-identity "Name <email>"] [--webhook-secret-file FILE] [--db JDBC_URL] [--git-credentials FILE]
 * [--known-hosts FILE] [--ssh-dir DIR]}. Prints {@code apollo hub: listening on <url>} on one line once it listens, and
 * stops cleanly on SIGTERM. {@code apollo hub} is the user's way in; this one lets tests start a hub as a process.
 */
public final class HubMain {
  private HubMain() {}

  public static void main(String[] args) throws InterruptedException {
    Hub hub;
    try {
      hub = Hub.start(HubOptions.fromArgs(List.of(args)), HubMain::openGit, Clock.systemUTC());
    } catch (ReconcilerException e) {
      System.err.println("apollo hub: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      hub.close();
      stopped.countDown();
    }, "apollo-hub-shutdown"));
    System.out.println("apollo hub: listening on " + hub.url());
    System.out.flush();
    stopped.await();
  }

  /**
   * The hub's git: a clone of {@code --repo} in {@code <data-dir>/repo.git}; with {@code --admin-keys}, role and
   * policy changes govern only when signed by one of those keys.
   */
  public static JGitConfigRepository openGit(HubOptions options) {
    List<io.apollo.core.config.SshPublicKey> adminKeys = options.adminKeys()
        .map(io.apollo.reconciler.gitsync.AdminKeys::read).orElse(List.of());
    JGitConfigRepository repository = JGitConfigRepository.open(options.gitSettings());
    if (!adminKeys.isEmpty()) {
      repository.requireAdminSignatures(adminKeys);
    }
    return repository;
  }
}
