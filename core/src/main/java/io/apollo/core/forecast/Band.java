package io.apollo.core.forecast;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of time on an environment's calendar, [{@code start}, {@code end}), clipped to the forecast's range;
 * {@code constraint} names the constraint that draws it and {@code reason} is a freeze's reason ({@code ""} for a
 * window).
 */
public record Band(String constraint, BandKind kind, Instant start, Instant end, String reason) {
  public Band {
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    reason = reason == null ? "" : reason;
  }
}
