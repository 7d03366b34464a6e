package io.apollo.reconciler.gitsync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fetch found: the governed branch's head, the head before, whether history was rewritten (the old head
 * is not an ancestor of the new one: someone force-pushed), and whether the hub's local clone had to be made afresh
 * because it was missing or broken ({@code recloned}; never true for the very first clone of a new data folder).
 */
public record FetchResult(String head, Optional<String> previousHead, boolean rewritten, Instant at,
    boolean recloned) {
  public FetchResult {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(previousHead, "previousHead");
    Objects.requireNonNull(at, "at");
  }

  /** A fetch that did not re-clone. */
  public FetchResult(String head, Optional<String> previousHead, boolean rewritten, Instant at) {
    this(head, previousHead, rewritten, at, false);
  }

  /** True when the head moved since the last fetch (or this is the first). */
  public boolean changed() {
    return previousHead.map(p -> !p.equals(head)).orElse(true);
  }
}
