package io.apollo.reconciler.gitsync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fetch found: the governed branch's head, the head before, and whether history was rewritten (the old
 * head is not an ancestor of the new one: someone force-pushed).
 */
public record FetchResult(String head, Optional<String> previousHead, boolean rewritten, Instant at) {
  public FetchResult {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(previousHead, "previousHead");
    Objects.requireNonNull(at, "at");
  }

  /** True when the head moved since the last fetch (or this is the first). */
  public boolean changed() {
    return previousHead.map(p -> !p.equals(head)).orElse(true);
  }
}
