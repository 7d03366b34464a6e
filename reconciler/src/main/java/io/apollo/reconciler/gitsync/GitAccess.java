package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the hub proves who it is to the remote and checks who the remote is, beyond what the URL says.
 *
 * @param credentials {@code --git-credentials}: a file of git credential-store lines for http(s):// remotes, so
 *     that the token is in neither the URL nor the process's arguments ({@link GitCredentials})
 * @param knownHosts {@code --known-hosts}: the one known-hosts file ssh:// host keys are checked against (default:
 *     {@code known_hosts} in the ssh folder)
 * @param sshDir {@code --ssh-dir}: the folder of the hub's ssh keys, {@code config} and {@code known_hosts}
 *     (default: {@code ~/.ssh} of the user the hub runs as, from the system's user database, not {@code $HOME})
 */
public record GitAccess(Optional<Path> credentials, Optional<Path> knownHosts, Optional<Path> sshDir) {
  public GitAccess {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(sshDir, "sshDir");
    knownHosts.ifPresent(GitAccess::checkKnownHosts);
    sshDir.filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
      throw new ReconcilerException("--ssh-dir " + dir + " is not a folder: give the folder holding the hub's ssh "
          + "key (id_ed25519, id_ecdsa or id_rsa) and known_hosts");
    });
  }

  /** Nothing beyond the URL: keys and known_hosts from {@code ~/.ssh}. */
  public static GitAccess none() {
    return new GitAccess(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A known-hosts file must be a regular file: JGit's ssh client writes beside a known-hosts file and renames over
   * it, so {@code /dev/null} would be replaced by a regular file (and the hub never adds keys anyway).
   */
  private static void checkKnownHosts(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ReconcilerException("--known-hosts " + file + " is not a regular file: give a file of known_hosts "
          + "lines, such as made by ssh-keyscan -p PORT HOST > FILE (and check the fingerprints)");
    }
  }
}
