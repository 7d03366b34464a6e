package io.apollo.reconciler.store;

import java.time.Instant;
import java.util.Objects;

/** The latest report of one spoke, as received ({@code json}, already validated), and when it came. */
public record StoredReport(String spoke, String json, Instant receivedAt) {
  public StoredReport {
    Objects.requireNonNull(spoke, "spoke");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
