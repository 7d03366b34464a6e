package io.apollo.reconciler.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One try at handing a plan to its spoke. {@code acknowledged} is true when the spoke took it (push: 202 or 200;
 * poll: a report named it): a plan a spoke acknowledged is never handed over again.
 */
public record DispatchAttempt(String planId, String spoke, Instant at, boolean acknowledged, String detail) {
  public DispatchAttempt {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(spoke, "spoke");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }
}
