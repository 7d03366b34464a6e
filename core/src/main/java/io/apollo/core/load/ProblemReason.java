package io.apollo.core.load;

/** The machine reason of a {@link Problem}; tools may switch on it, people read the message. */
public enum ProblemReason {
  /** The file could not be read at all (I/O error, not UTF-8). */
  UNREADABLE,
  /** The file was refused before parsing: a symlink, a path leaving the repository, or over a size cap. */
  REFUSED,
  /** The YAML is malformed (including tab indentation). */
  YAML_SYNTAX,
  /** The YAML uses a feature Apollo refuses: custom or language tags, too many aliases, a duplicate key. */
  UNSAFE_YAML,
  /** The YAML is nested deeper, or holds more documents, than Apollo accepts. */
  LIMIT_EXCEEDED,
  /** The document does not match its kind's JSON Schema: unknown field, missing field, wrong type or value. */
  SCHEMA,
  /** {@code apiVersion} or {@code kind} is missing or not one Apollo knows. */
  UNKNOWN_KIND,
  /** Two documents claim the same identity. */
  DUPLICATE,
  /** A reference to a product, environment, spoke or release that does not exist (or is itself invalid). */
  UNRESOLVED_REFERENCE,
  /** A value that the schema admits but that means nothing: an unorderable version, a bad cron, a bad zone. */
  INVALID_VALUE,
  /** A release put on a channel its version type may not join (only RELEASE versions on {@code stable}). */
  CHANNEL_ADMISSION,
  /** A product-dependency range that can never be met (minimum above the maximum matcher) or is lockstep. */
  DEPENDENCY_RANGE,
  /**
   * A change to {@code Role} or {@code ApprovalPolicy} documents that is not signed by an admin key the hub was given
   * ({@code --admin-keys}): the roles and policies last accepted keep governing.
   */
  UNSIGNED_POLICY_CHANGE
}
