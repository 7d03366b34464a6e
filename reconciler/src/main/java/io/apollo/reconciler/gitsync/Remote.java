package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The remote end of the config repository: fetch every branch into remote-tracking refs (pruning the ones gone),
 * and push ref updates that are never forced.
 */
final class Remote {
  /**
   * Every remote branch into {@code refs/remotes/origin/*}. The {@code +} lets the LOCAL tracking refs follow a
   * history rewritten on the remote (someone force-pushed); it never applies to pushes, which are never forced.
   */
  private static final RefSpec FETCH = new RefSpec("+refs/heads/*:" + LocalClone.TRACKING + "*");

  private final URIish uri;
  private final String display;
  private final Optional<String> password;
  private final int timeoutSeconds;

  /**
   * A remote; a password in the URL ({@code https://user:token@host/repo.git}) is used as HTTP credentials and never
   * appears in {@link #toString()} nor in any message.
   */
  Remote(String remote, Duration timeout) {
    this.uri = toUri(remote);
    this.password = Optional.ofNullable(uri.getPass()).filter(p -> !p.isEmpty());
    this.display = remote.contains("://") ? uri.toString() : remote; // URIish.toString() leaves the password out
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
      throw failure("cannot fetch from " + display + ": " + redacted(rootMessage(e))
          + "; check that the repository exists there and the hub can reach it", e);
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
      throw failure("cannot push to " + display + ": " + redacted(rootMessage(e))
          + "; check that the repository exists there and the hub may push to it", e);
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

  private Transport open(Repository repository) throws NotSupportedException, TransportException {
    Transport transport = Transport.open(repository, uri);
    transport.setTimeout(timeoutSeconds);
    if (password.isPresent() && uri.getUser() != null) {
      transport.setCredentialsProvider(new UsernamePasswordCredentialsProvider(uri.getUser(), password.get()));
    }
    return transport;
  }

  private String redacted(String message) {
    return password.map(p -> message.replace(p, "***")).orElse(message);
  }

  /** A failure; the cause is left off when the URL holds a password, since causes' messages are not redacted. */
  private ReconcilerException failure(String message, Exception cause) {
    return password.isPresent() ? new ReconcilerException(message) : new ReconcilerException(message, cause);
  }

  private static URIish toUri(String remote) {
    try {
      if (remote.contains("://")) {
        return new URIish(remote);
      }
      int colon = remote.indexOf(':');
      if (colon > 0 && remote.lastIndexOf('/', colon) < 0) {
        // git's scp-like "user@host:path": ambiguous with paths, so it is refused with the URL to write instead.
        String host = remote.substring(0, colon);
        String path = remote.substring(colon + 1);
        throw new ReconcilerException("the git remote '" + remote + "' is in scp form, which the hub does not read: "
            + "write it as ssh://" + host + "/" + (path.startsWith("/") ? path.substring(1) : path));
      }
      return new URIish(Path.of(remote).toAbsolutePath().normalize().toString());
    } catch (URISyntaxException | java.nio.file.InvalidPathException e) {
      throw new ReconcilerException("the git remote is neither a path nor a file://, http(s):// or ssh:// URL: "
          + e.getMessage());
    }
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
