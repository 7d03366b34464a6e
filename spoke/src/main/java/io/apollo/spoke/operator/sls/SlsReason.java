package io.apollo.spoke.operator.sls;

import java.util.Locale;

/** Why an sls plan failed: the machine {@code reason} of its {@link io.apollo.spoke.operator.OperatorResult}. */
public enum SlsReason {
  /** The plan cannot be run by this operator (wrong product type, a name that is not a safe folder name). */
  INVALID_PLAN,
  /** The artifact could not be fetched (missing file, HTTP error, too large, time limit). */
  FETCH_FAILED,
  /** The artifact's sha256 is not the one the plan names; nothing was unpacked. */
  CHECKSUM_MISMATCH,
  /** The archive is not a readable tar.gz (truncated, corrupt, empty). */
  ARCHIVE_CORRUPT,
  /** An archive entry would land outside its folder: {@code ../}, an absolute path, a link pointing out. */
  ARCHIVE_UNSAFE,
  /** The archive holds more bytes or entries than the limits allow (a gzip bomb, say). */
  ARCHIVE_TOO_LARGE,
  /** deployment/manifest.yml is missing, unreadable, or names another product or version than the plan. */
  MANIFEST_INVALID,
  /** service/bin/init.sh is missing, did not finish within its time limit, or exited non-zero. */
  INIT_SCRIPT_FAILED,
  /** The service started but {@code init.sh check} did not pass before the health deadline. */
  HEALTH_CHECK_FAILED,
  /** A config update or an uninstall found nothing installed, or another version than the plan names. */
  NOT_INSTALLED,
  /** A file of the work folder could not be written or removed. */
  DISK_FAILED,
  /** A fault of the operator itself (a bug): the message names the exception. */
  UNEXPECTED;

  /** The wire spelling: lower case with underscores, e.g. {@code checksum_mismatch}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
