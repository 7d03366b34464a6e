package io.apollo.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The full state of one spoke's entities, as posted to {@code POST /v1/spokes/{spoke}/reports}. */
public record SpokeReport(String spoke, Instant reportedAt, List<EntityReport> entities) {
  public SpokeReport {
    Objects.requireNonNull(spoke, "spoke");
    Objects.requireNonNull(reportedAt, "reportedAt");
    entities = List.copyOf(entities);
  }
}
