package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the hub's config repository lives and how the hub writes to it.
 *
 * @param remote the remote: a local path, or a {@code file://}, {@code http(s)://} or {@code ssh://} URL
 * @param branch the governed branch, such as {@code main}
 * @param localDir the folder of the hub's own bare clone (made on the first fetch; re-made when broken)
 * @param identityName the name the hub's commits carry as author and committer
 * @param identityEmail the email the hub's commits carry; a plan file brought to the branch by this email approves
 *     nothing
 * @param timeout how long one network operation (fetch, push, clone) may take
 * @param access credentials, ssh folder and known hosts beyond what the URL says
 */
public record GitSettings(String remote, String branch, Path localDir, String identityName, String identityEmail,
    Duration timeout, GitAccess access) {
  /** The hub's identity when {@code --git-identity} is not given. */
  public static final String DEFAULT_IDENTITY = "Apollo Hub <hub@apollo.invalid>";

  private static final Pattern IDENTITY = Pattern.compile("^\\s*([^<>]*?)\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*$");

  public GitSettings {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(localDir, "localDir");
    Objects.requireNonNull(identityName, "identityName");
    Objects.requireNonNull(identityEmail, "identityEmail");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(access, "access");
    if (remote.isBlank()) {
      throw new IllegalArgumentException("the remote is empty: give a path or a file://, http(s):// or ssh:// URL");
    }
    if (branch.isBlank() || branch.startsWith("refs/") || branch.startsWith("-") || branch.contains("..")) {
      throw new IllegalArgumentException("not a branch name: '" + branch + "' (give a name such as main)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the git timeout must be positive, not " + timeout);
    }
  }

  /** The settings as people may be shown them: without a password the remote's URL carries. */
  @Override
  public String toString() {
    return "GitSettings[remote=" + RemoteUrl.shown(remote) + ", branch=" + branch + ", localDir=" + localDir
        + ", identity=" + identityName + " <" + identityEmail + ">, timeout=" + timeout + ", access=" + access + "]";
  }

  /** Settings reaching the remote with what its URL says only. */
  public GitSettings(String remote, String branch, Path localDir, String identityName, String identityEmail,
      Duration timeout) {
    this(remote, branch, localDir, identityName, identityEmail, timeout, GitAccess.none());
  }

  /** Settings with the default identity and a 60-second timeout. */
  public static GitSettings of(String remote, String branch, Path localDir) {
    Identity identity = parseIdentity(DEFAULT_IDENTITY);
    return new GitSettings(remote, branch, localDir, identity.name(), identity.email(), Duration.ofSeconds(60));
  }

  /** The same settings with another identity. */
  public GitSettings withIdentity(Identity identity) {
    return new GitSettings(remote, branch, localDir, identity.name(), identity.email(), timeout, access);
  }

  /** The same settings with other credentials, ssh folder and known hosts. */
  public GitSettings withAccess(GitAccess other) {
    return new GitSettings(remote, branch, localDir, identityName, identityEmail, timeout, other);
  }

  /**
   * Parses {@code --git-identity}: {@code Name <email>}, as git writes an author.
   *
   * @throws ReconcilerException naming the value and the expected form when it is not one
   */
  public static Identity parseIdentity(String value) {
    Matcher m = IDENTITY.matcher(value == null ? "" : value);
    if (!m.matches() || m.group(1).isEmpty()) {
      throw new ReconcilerException("--git-identity '" + value + "' is not of the form 'Name <email>', such as '"
          + DEFAULT_IDENTITY + "'");
    }
    return new Identity(m.group(1), m.group(2));
  }

  /** A git identity: the name and email of an author. */
  public record Identity(String name, String email) {
    public Identity {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }

    @Override
    public String toString() {
      return name + " <" + email + ">";
    }
  }
}
