package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The remote end of the config repository: fetch every branch into remote-tracking refs (pruning the ones gone),
 * and push ref updates that are never forced. Credentials come from the URL or {@code --git-credentials} (http),
 * keys and known hosts from the ssh folder (ssh); none of it is ever shown, and a failure says what to check.
 */
final class Remote {
  /**
   * Every remote branch into {@code refs/remotes/origin/*}. The {@code +} lets the LOCAL tracking refs follow a
   * history rewritten on the remote (someone force-pushed); it never applies to pushes, which are never forced.
   */
  private static final RefSpec FETCH = new RefSpec("+refs/heads/*:" + LocalClone.TRACKING + "*");

  private final RemoteUrl url;
  private final String display;
  private final Optional<String> user;
  private final Optional<String> password;
  private final Optional<SshAccess> ssh;
  private final int timeoutSeconds;

  /** A remote reached with what its URL says only (keys and known hosts from {@code ~/.ssh}). */
  Remote(String remote, Duration timeout) {
    this(remote, timeout, GitAccess.none());
  }

  /**
   * A remote; a password in the URL ({@code https://user:token@host/repo.git}), else the line of
   * {@code --git-credentials} for it, is used as HTTP credentials and never appears in {@link #toString()} nor in
   * any message.
   *
   * @throws ReconcilerException when the URL cannot be read, or the credentials file has no line for it
   */
  Remote(String remote, Duration timeout, GitAccess access) {
    this.url = RemoteUrl.parse(remote);
    this.display = url.toString();
    Optional<GitCredentials.Entry> fromFile = url.password().isEmpty() && url.isHttp()
        ? access.credentials().map(GitCredentials::read).map(c -> c.forRemote(url.uri())) : Optional.empty();
    this.user = fromFile.map(GitCredentials.Entry::user).or(() -> Optional.ofNullable(url.uri().getUser()));
    this.password = url.password().or(() -> fromFile.map(GitCredentials.Entry::password));
    this.ssh = url.isSsh() ? Optional.of(new SshAccess(access)) : Optional.empty();
    this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }

  @Override
  public String toString() {
    return display;
  }

  /**
   * Fetches every branch with prune.
   *
   * @throws ReconcilerException when the remote cannot be reached or read (or the local clone cannot take what
   *     it sends: the caller tells these apart by checking the clone)
   */
  void fetch(Repository repository) {
    try (Transport transport = open(repository)) {
      transport.setRemoveDeletedRefs(true);
      org.eclipse.jgit.transport.FetchResult result = transport.fetch(NullProgressMonitor.INSTANCE, List.of(FETCH));
      for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
        RefUpdate.Result outcome = update.getResult();
        if (outcome == RefUpdate.Result.LOCK_FAILURE || outcome == RefUpdate.Result.IO_FAILURE
            || outcome == RefUpdate.Result.REJECTED || outcome == RefUpdate.Result.REJECTED_OTHER_REASON) {
          // JGit reports these without throwing: the fetch would look like "nothing new" for ever.
          throw new ReconcilerException("fetched from " + display + " but could not update "
              + update.getLocalName() + " in the hub's clone (" + outcome + ")");
        }
      }
    } catch (ReconcilerException e) {
      throw e;
    } catch (NotSupportedException | TransportException | RuntimeException e) {
      throw failure("fetch from", e, "check that the repository exists there and the hub can reach it");
    }
  }

  /** Pushes {@code updates} (each built with {@code forceUpdate = false}); returns them with their status set. */
  Collection<RemoteRefUpdate> push(Repository repository, List<RemoteRefUpdate> updates) {
    for (RemoteRefUpdate update : updates) {
      if (update.isForceUpdate()) {
        throw new IllegalArgumentException("the hub never force-pushes: " + update.getRemoteName());
      }
    }
    try (Transport transport = open(repository)) {
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, updates);
      return result.getRemoteUpdates();
    } catch (NotSupportedException | TransportException | RuntimeException e) {
      throw failure("push to", e, "check that the repository exists there and the hub may push to it");
    }
  }

  /**
   * Pushes one ref update, never forced: {@code newId} null deletes {@code ref}; {@code expectedOld} is the value the
   * remote ref must have ({@code zeroId}: must not exist; null: any). Returns the update with its status.
   */
  RemoteRefUpdate push(Repository repository, String ref, ObjectId newId, ObjectId expectedOld) {
    try {
      RemoteRefUpdate update = newId == null
          ? new RemoteRefUpdate(repository, (String) null, ref, false, null, expectedOld)
          : new RemoteRefUpdate(repository, null, newId, ref, false, null, expectedOld);
      return push(repository, List.of(update)).iterator().next();
    } catch (IOException e) {
      throw new ReconcilerException("cannot prepare the push of " + ref + " to " + display + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * True when the push was refused because someone else updated the ref first: the remote moved on, or (the same
   * race caught a moment later) the server could not lock the ref another push was updating.
   */
  static boolean lostRace(RemoteRefUpdate update) {
    return switch (update.getStatus()) {
      case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> true;
      case REJECTED_OTHER_REASON -> update.getMessage() != null && update.getMessage().contains("lock");
      default -> false;
    };
  }

  /** The error for a push the remote refused for another reason than a lost race, with the server's words. */
  ReconcilerException refused(String what, RemoteRefUpdate update) {
    return new ReconcilerException("the remote " + display + " refused to " + what + " (" + update.getStatus()
        + (update.getMessage() == null ? "" : ": " + redacted(update.getMessage())) + "); check the server's branch "
        + "protection and that the hub's identity may push there");
  }

  /** Closes the ssh client, if this remote has one. */
  void close() {
    ssh.ifPresent(SshAccess::close);
  }

  private Transport open(Repository repository) throws NotSupportedException, TransportException {
    Transport transport = Transport.open(repository, url.uri());
    transport.setTimeout(timeoutSeconds);
    if (password.isPresent() && user.isPresent()) {
      transport.setCredentialsProvider(new UsernamePasswordCredentialsProvider(user.get(), password.get()));
    }
    ssh.ifPresent(client -> {
      client.takeRefusal();
      client.configure(transport);
    });
    return transport;
  }

  private String redacted(String message) {
    List<String> secrets = new java.util.ArrayList<>(url.secrets());
    password.ifPresent(secrets::add);
    return RemoteUrl.redact(message, secrets);
  }

  /**
   * The error of a failed {@code what} ("fetch from"): the transport's words without any secret, and what to check.
   * The cause is left off when there is a password, since causes' messages and stack traces are not redacted.
   */
  private ReconcilerException failure(String what, Exception cause, String otherwise) {
    String words = redacted(rootMessage(cause));
    Optional<SshAccess.Refusal> refusal = ssh.flatMap(SshAccess::takeRefusal);
    GitFailure kind = GitFailure.of(words, refusal);
    String message = "cannot " + what + " " + display + ": " + words + "; " + hint(kind, refusal, otherwise, words);
    return password.isPresent() ? new ReconcilerException(message) : new ReconcilerException(message, cause);
  }

  /** What to check for a failure of {@code kind}, in words. */
  private String hint(GitFailure kind, Optional<SshAccess.Refusal> refusal, String otherwise, String words) {
    String host = refusal.map(SshAccess.Refusal::host).orElse(url.uri().getHost());
    return switch (kind) {
      case UNKNOWN_HOST_KEY -> "unknown host key for " + host + "; add it to known_hosts ("
          + ssh.map(SshAccess::knownHosts).map(Path::toString).orElse("--known-hosts") + "), such as with "
          + keyscan() + ", after checking its fingerprint with the server's owner";
      case HOST_KEY_CHANGED -> "the host key of " + host + " is not the one known_hosts ("
          + ssh.map(SshAccess::knownHosts).map(Path::toString).orElse("--known-hosts") + ") lists for it: if the "
          + "server's key was changed on purpose, replace its line there; else someone may be in between";
      case NOT_AUTHORIZED -> "check the credentials" + credentialsHint(words);
      case NOT_FOUND -> "check that the repository exists there" + (url.isHttp()
          ? " and that the credentials may read it (hosted servers answer 'not found' to those who may not)" : "");
      case UNREACHABLE -> "check that the server runs and the hub can reach it";
      case TIMED_OUT -> "the server did not answer within " + timeoutSeconds + " s; check the server and the network";
      case OTHER -> otherwise;
    };
  }

  private String credentialsHint(String words) {
    if (ssh.isPresent()) {
      List<Path> keys = ssh.get().keysFound();
      String who = Optional.ofNullable(url.uri().getUser()).orElse(System.getProperty("user.name"));
      String make = "make one with ssh-keygen -t ed25519 -N '' -f " + ssh.get().sshDir().resolve("id_ed25519");
      String found = keys.stream().map(Path::toString).collect(Collectors.joining(", "));
      if (keys.isEmpty()) {
        return ": no key (" + String.join(", ", SshAccess.KEY_FILES) + ") is in " + ssh.get().sshDir() + "; " + make
            + " or give --ssh-dir, and authorize its .pub for " + who + " on the server";
      }
      if (words.contains("no keys to try")) {
        // JGit skips a key it cannot load (it logs why) and then has none to offer.
        return ": the hub could not use the key(s) " + found + ": a key with a passphrase cannot be used (the hub "
            + "cannot type one), nor one it cannot read; " + make + " and authorize its .pub for " + who;
      }
      return ": the server refused the key(s) " + found + " for user " + who + "; authorize the .pub on the server";
    }
    if (password.isEmpty()) {
      return ": the server wants a user and token; give them with --git-credentials FILE";
    }
    return " (the user " + user.orElse("?") + " and its token, in --git-credentials or the URL): the server "
        + "refused them";
  }

  private String keyscan() {
    int port = url.uri().getPort();
    return "ssh-keyscan" + (port > 0 && port != 22 ? " -p " + port : "") + " " + url.uri().getHost() + " >> "
        + ssh.map(SshAccess::knownHosts).map(Path::toString).orElse("known_hosts");
  }

  static String rootMessage(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }
}
