package io.apollo.reconciler.gitsync;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a fetch or push failed, told from the transport's words (JGit's and its ssh client's messages), so that the
 * error says what to check. Determining the kind is here; the words to show are {@link Remote}'s.
 */
enum GitFailure {
  /** The ssh server's host key is in no known-hosts line: it was never added. */
  UNKNOWN_HOST_KEY,
  /** The ssh server's host key is not the one known-hosts lists for it. */
  HOST_KEY_CHANGED,
  /** The server refused who the hub said it was: a wrong user or token, or a key the server does not accept. */
  NOT_AUTHORIZED,
  /** The server answered that there is no such repository. */
  NOT_FOUND,
  /** Nothing answered: connection refused, unknown host, no route. */
  UNREACHABLE,
  /** The server did not answer within the git timeout. */
  TIMED_OUT,
  /** Anything else; the transport's own words are shown. */
  OTHER;

  /**
   * The kind of {@code message} (the transport's words, causes included), given a host key refusal seen. Words,
   * not status codes, are matched: a URL's port (such as 14013) must not read as a 401.
   */
  static GitFailure of(String message, Optional<SshAccess.Refusal> refusal) {
    if (refusal.isPresent()) {
      return refusal.get().problem() == SshAccess.HostKeyProblem.UNKNOWN ? UNKNOWN_HOST_KEY : HOST_KEY_CHANGED;
    }
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (text.contains("not authorized") || text.contains("authentication is required")
        || text.contains("no more keys to try") || text.contains("no keys to try") || text.contains("auth fail")
        || text.contains("authentication failed") || text.contains("cannot log in") || text.contains("unauthorized")
        || text.contains("forbidden") || text.contains("permission denied") || text.contains("not permitted")) {
      return NOT_AUTHORIZED;
    }
    if (text.contains("timed out") || text.contains("timeout")) {
      return TIMED_OUT;
    }
    if (text.contains("connection refused") || text.contains("unknownhost") || text.contains("unknown host")
        || text.contains("no route to host") || text.contains("network is unreachable")
        || text.contains("name or service not known") || text.contains("connection reset")) {
      return UNREACHABLE;
    }
    if (text.contains("not found") || text.contains("does not appear to be a git repository")
        || text.contains("not a git repository")) {
      return NOT_FOUND;
    }
    return OTHER;
  }
}
