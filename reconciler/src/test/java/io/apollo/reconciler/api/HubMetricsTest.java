package io.apollo.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.report.ReportedState;
import io.apollo.reconciler.loop.HubSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The series {@code GET /metrics} promises (docs/operations.md), counted where things happen. */
class HubMetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void everySeriesIsScrapedWithWhatWasCounted() {
    HubMetrics metrics = new HubMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
    HubSnapshot snapshot = new HubSnapshot(1, NOW, Optional.of("c0ffee"), Optional.of(NOW.minusSeconds(42)),
        Optional.of("remote gone"), List.of(), DesiredState.empty(), ReportedState.empty(), Map.of(),
        Optional.empty(), List.of(), Map.of(), Set.of());
    metrics.passed(Duration.ofMillis(120), snapshot);
    metrics.fetched(Duration.ofMillis(30), true);
    metrics.fetched(Duration.ofMillis(5_000), false);
    metrics.attempted("staging-spoke", true);
    metrics.attempted("staging-spoke", false);
    metrics.reportReceived();
    metrics.reportRefused("too_large");
    metrics.reportRefused("too_large");

    String text = metrics.scrape();
    assertThat(text).contains("# TYPE apollo_reconcile_pass_seconds histogram")
        .contains("apollo_reconcile_pass_seconds_count 1")
        .contains("apollo_reconcile_pass_seconds_bucket{le=")
        .contains("apollo_plans{state=\"PENDING\"} 0.0")
        .contains("apollo_git_fetch_seconds_count{outcome=\"ok\"} 1")
        .contains("apollo_git_fetch_seconds_count{outcome=\"failed\"} 1")
        .contains("apollo_governing_commit_age_seconds 42.0")
        .contains("apollo_fetch_failing 1.0")
        .contains("apollo_dispatch_attempts_total 2.0")
        .contains("apollo_dispatch_failures_total 1.0")
        .contains("apollo_reports_received_total 1.0")
        .contains("apollo_reports_refused_total{reason=\"too_large\"} 2.0");
  }
}
