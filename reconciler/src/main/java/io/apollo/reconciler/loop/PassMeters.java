package io.apollo.reconciler.loop;

import java.time.Duration;

/**
 * What a pass tells the hub's metrics: how long each fetch took and whether it reached the remote, and how long
 * each step of a pass took. Implementations must be cheap and thread-safe (called on the loop's thread, never
 * block).
 */
public interface PassMeters {
  /** Meters that count nothing, for tests and tools. */
  PassMeters NONE = (took, reached) -> {};

  /** One fetch of the config repository, {@code reached} false when the remote could not be fetched. */
  void fetched(Duration took, boolean reached);

  /**
   * One step of a pass ({@code fetch}, {@code list}, {@code load}, {@code reports}, {@code approvals}, {@code plan},
   * {@code diff}, {@code store}, {@code publish}, {@code dispatch}, or {@code skipped} for a pass that found nothing
   * new) and how long it took.
   */
  default void phase(String name, Duration took) {}
}
