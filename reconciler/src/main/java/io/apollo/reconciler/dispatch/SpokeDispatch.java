package io.apollo.reconciler.dispatch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How pushing to one spoke went lately, for {@code GET /v1/spokes}: when the last attempt was made, its error
 * when it was not taken ({@code lastError} empty after a success), and when the next retry is due while one is
 * scheduled.
 */
public record SpokeDispatch(Instant lastAttemptAt, Optional<String> lastError, Optional<Instant> nextRetryAt,
    int failuresInARow) {
  public SpokeDispatch {
    Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(nextRetryAt, "nextRetryAt");
  }
}
