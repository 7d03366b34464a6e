package io.apollo.spoke.operator.sls;

import java.time.Duration;
import java.util.Objects;

/**
 * The time and size limits of the sls operator.
 *
 * @param initTimeout longest an {@code init.sh start} or {@code stop} may run before its process tree is killed
 * @param probeTimeout longest an {@code init.sh status} or {@code check} may run
 * @param healthTimeout how long a started service has to pass {@code init.sh check}
 * @param healthPollInterval pause between two checks while waiting for health
 * @param fetchTimeout longest a download of an artifact may take
 * @param maxArchiveBytes largest artifact fetched (compressed)
 * @param maxUnpackedBytes most bytes one archive may unpack to (all entries together)
 * @param maxEntries most entries one archive may hold
 * @param logMaxBytes size at which a service's log is rotated
 * @param logGenerations rotated logs kept ({@code x.log.1} .. {@code x.log.N})
 * @param keptVersions versions kept on disk besides the running one, so that a rollback needs no download
 */
public record SlsLimits(
    Duration initTimeout,
    Duration probeTimeout,
    Duration healthTimeout,
    Duration healthPollInterval,
    Duration fetchTimeout,
    long maxArchiveBytes,
    long maxUnpackedBytes,
    int maxEntries,
    long logMaxBytes,
    int logGenerations,
    int keptVersions) {

  public SlsLimits {
    positive(initTimeout, "initTimeout");
    positive(probeTimeout, "probeTimeout");
    positive(healthTimeout, "healthTimeout");
    positive(healthPollInterval, "healthPollInterval");
    positive(fetchTimeout, "fetchTimeout");
    if (maxArchiveBytes <= 0 || maxUnpackedBytes <= 0 || maxEntries <= 0 || logMaxBytes <= 0) {
      throw new IllegalArgumentException("size limits must be positive");
    }
    if (logGenerations < 1 || keptVersions < 0) {
      throw new IllegalArgumentException("logGenerations must be at least 1 and keptVersions not negative");
    }
  }

  /** Limits for a host running ordinary services: generous, but a hung script or a gzip bomb still fails. */
  public static SlsLimits defaults() {
    return new SlsLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60),
        Duration.ofMillis(50), Duration.ofMinutes(5), 1L << 30, 2L << 30, 100_000, 10L << 20, 3, 2);
  }

  public SlsLimits withInitTimeout(Duration value) {
    return new SlsLimits(value, probeTimeout, healthTimeout, healthPollInterval, fetchTimeout, maxArchiveBytes,
        maxUnpackedBytes, maxEntries, logMaxBytes, logGenerations, keptVersions);
  }

  public SlsLimits withHealthTimeout(Duration value) {
    return new SlsLimits(initTimeout, probeTimeout, value, healthPollInterval, fetchTimeout, maxArchiveBytes,
        maxUnpackedBytes, maxEntries, logMaxBytes, logGenerations, keptVersions);
  }

  public SlsLimits withUnpackLimits(long unpackedBytes, int entries) {
    return new SlsLimits(initTimeout, probeTimeout, healthTimeout, healthPollInterval, fetchTimeout, maxArchiveBytes,
        unpackedBytes, entries, logMaxBytes, logGenerations, keptVersions);
  }

  public SlsLimits withLogRotation(long maxBytes, int generations) {
    return new SlsLimits(initTimeout, probeTimeout, healthTimeout, healthPollInterval, fetchTimeout, maxArchiveBytes,
        maxUnpackedBytes, maxEntries, maxBytes, generations, keptVersions);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
