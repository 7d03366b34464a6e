package io.apollo.spoke.operator.helm;

import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Apollo writes into a helm revision's description ({@code --description}) when it installs or upgrades:
 * {@code apollo version=<version> config=<digest> plan=<plan id>}. A chart's own version says nothing about the
 * Apollo release (a release may re-use a chart version with other values), so this note is how {@code observe}
 * learns, from the cluster alone, which Apollo version and config a revision runs. helm's own description of a
 * rollback, {@code Rollback to <n>}, points to the revision whose note holds.
 */
record RevisionNote(Version version, String configDigest, String planId) {
  private static final Pattern NOTE =
      Pattern.compile("^apollo version=(\\S+) config=(\\S+) plan=(\\S+)$");
  private static final Pattern ROLLBACK = Pattern.compile("^Rollback to (\\d+)$");

  RevisionNote {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(planId, "planId");
  }

  String text() {
    return "apollo version=" + version + " config=" + configDigest + " plan=" + planId;
  }

  /** The note in a description, when it is one (and its version parses). */
  static Optional<RevisionNote> parse(String description) {
    Matcher m = NOTE.matcher(description == null ? "" : description.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Version.tryParse(m.group(1)).map(v -> new RevisionNote(v, m.group(2), m.group(3)));
  }

  /** The revision a description of helm's own rollback points to. */
  static Optional<Integer> rollbackTarget(String description) {
    Matcher m = ROLLBACK.matcher(description == null ? "" : description.strip());
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }
}
