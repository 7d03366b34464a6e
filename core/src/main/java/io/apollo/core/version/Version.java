package io.apollo.core.version;

import com.palantir.sls.versions.OrderableSlsVersion;
import com.palantir.sls.versions.SlsVersionType;
import io.apollo.core.ApolloException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An orderable SLS version ({@code X.Y.Z}, {@code X.Y.Z-rcN}, {@code X.Y.Z-N-gHASH}, {@code X.Y.Z-rcN-N-gHASH}),
 * ordered exactly as Palantir's sls-version-java orders them. Two snapshots that differ only in their git hash
 * compare as equal but are not {@link #equals} (the text differs); use {@link #compareTo} to ask "same place in the
 * order".
 *
 * <p>Apollo is stricter than the SLS spec in one way: no number may have a leading zero ({@code 01.0.0},
 * {@code 1.0.0-rc01}). sls-version-java reads {@code 1.2.01} as {@code 1.2.1}, so one version could be written two
 * ways and two release documents could name the same place in the order under different texts.
 */
public record Version(OrderableSlsVersion sls) implements Comparable<Version> {

  private static final String NUMBER = "(0|[1-9][0-9]*)";

  /** The four orderable forms with every number written without leading zeros; sls-version-java checks the rest. */
  private static final Pattern CANONICAL =
      Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER + "(-rc" + NUMBER + ")?(-" + NUMBER + "-g[a-f0-9]+)?");

  public Version {
    Objects.requireNonNull(sls, "sls");
    if (!CANONICAL.matcher(sls.getValue()).matches()) {
      throw new ApolloException(leadingZeroMessage(sls.getValue()));
    }
  }

  /** Parses an orderable SLS version; throws {@link ApolloException} naming the text and the rule it breaks. */
  public static Version parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new ApolloException(hasLeadingZero(text) ? leadingZeroMessage(text) : formatMessage(text)));
  }

  /** Parses an orderable SLS version; empty for anything else, including leading zeros and numbers beyond int32. */
  public static Optional<Version> tryParse(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return OrderableSlsVersion.safeValueOf(text).map(Version::new);
    } catch (RuntimeException e) {
      // sls-versions rejects numbers beyond int32 by throwing rather than returning empty
      return Optional.empty();
    }
  }

  /** True when sls-version-java would read {@code text} but Apollo refuses it for a leading zero. */
  private static boolean hasLeadingZero(String text) {
    try {
      return text != null && !CANONICAL.matcher(text).matches() && OrderableSlsVersion.safeValueOf(text).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String formatMessage(String text) {
    return "'" + text + "' is not an orderable SLS version"
        + " (expected X.Y.Z, X.Y.Z-rcN, X.Y.Z-N-gHASH or X.Y.Z-rcN-N-gHASH)";
  }

  private static String leadingZeroMessage(String text) {
    return "'" + text + "' is not an orderable SLS version: numbers must not have leading zeros";
  }

  public SlsVersionType type() {
    return sls.getType();
  }

  /** A plain {@code X.Y.Z} release: the only kind admitted to {@code stable}. */
  public boolean isRelease() {
    return sls.getType() == SlsVersionType.RELEASE;
  }

  public boolean isSnapshot() {
    return sls.getType().isSnapshot();
  }

  /** The channel a release of this version joins when its document names none. */
  public Channel defaultChannel() {
    return switch (sls.getType()) {
      case RELEASE -> Channel.STABLE;
      case RELEASE_CANDIDATE -> Channel.BETA;
      default -> Channel.DEV;
    };
  }

  public boolean isNewerThan(Version other) {
    return compareTo(other) > 0;
  }

  public boolean isOlderThan(Version other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(Version other) {
    return sls.compareTo(other.sls);
  }

  /**
   * Equal when the texts are equal. sls-version-java's own equality ignores the git hash of a snapshot; Apollo keeps
   * {@code 1.0.0-1-gaaaaaaa} and {@code 1.0.0-1-gbbbbbbb} apart because they are different builds, even though
   * neither is newer.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Version v && sls.getValue().equals(v.sls.getValue());
  }

  @Override
  public int hashCode() {
    return sls.getValue().hashCode();
  }

  @Override
  public String toString() {
    return sls.getValue();
  }
}
