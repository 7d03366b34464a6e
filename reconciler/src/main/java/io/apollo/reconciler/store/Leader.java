package io.apollo.reconciler.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Who last took leadership of the store: the fencing {@code epoch} (0 when no hub ever did), the {@code holder}
 * that took it (a hub's name: host and process), and when.
 */
public record Leader(long epoch, String holder, Instant takenAt) {
  public Leader {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(takenAt, "takenAt");
  }
}
