package io.apollo.core.version;

import com.palantir.sls.versions.OrderableSlsVersion;
import com.palantir.sls.versions.SlsVersionType;
import io.apollo.core.ApolloException;
import java.util.Objects;
import java.util.Optional;

/**
 * An orderable SLS version ({@code X.Y.Z}, {@code X.Y.Z-rcN}, {@code X.Y.Z-N-gHASH}, {@code X.Y.Z-rcN-N-gHASH}),
 * ordered exactly as Palantir's sls-version-java orders them. Two snapshots that differ only in their git hash
 * compare as equal but are not {@link #equals} (the text differs); use {@link #compareTo} to ask "same place in the
 * order".
 */
public record Version(OrderableSlsVersion sls) implements Comparable<Version> {

  public Version {
    Objects.requireNonNull(sls, "sls");
  }

  /** Parses an orderable SLS version; throws {@link ApolloException} naming the text and the expected forms. */
  public static Version parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new ApolloException(
                    "'" + text + "' is not an orderable SLS version (expected X.Y.Z, X.Y.Z-rcN, X.Y.Z-N-gHASH or X.Y.Z-rcN-N-gHASH)"));
  }

  public static Optional<Version> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return OrderableSlsVersion.safeValueOf(text).map(Version::new);
    } catch (RuntimeException e) {
      // sls-versions rejects numbers beyond int32 by throwing rather than returning empty
      return Optional.empty();
    }
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

  @Override
  public String toString() {
    return sls.getValue();
  }
}
