package io.apollo.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.HealthHistory;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReport;
import io.apollo.reconciler.hub.Reports;
import io.apollo.reconciler.store.JdbcHubStore;
import io.apollo.reconciler.store.StoredReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the reports step after the first pass redoes only what changed reports ask for, and gives exactly what
 * doing it all gives: the merged reported state ({@link ReportedState#of}) and the health history
 * ({@link HealthHistory#update} over every report), also as the store keeps it. A pass whose reports did not
 * change gets the last state itself.
 */
class IncrementalReportsTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path temp;

  /** Each step: the stored reports of that pass, by spoke (a spoke left out has no report), in words. */
  private static final List<Map.Entry<String, Map<String, String>>> STEPS = List.of(
      Map.entry("first pass: two spokes", Map.of(
          "s1", Reports.of("s1").running("staging/web", "com.example:web", "1.0.0")
              .running("staging/db", "com.example:db", "2.0.0").json(),
          "s2", Reports.of("s2").running("production/web", "com.example:web", "1.0.0").json())),
      Map.entry("nothing changed", Map.of()),
      Map.entry("one entity's health flipped", Map.of(
          "s1", Reports.of("s1").entity("staging/web", "com.example:web", "1.0.0", "DEGRADED", "UNHEALTHY", null,
              null, null).running("staging/db", "com.example:db", "2.0.0").json())),
      Map.entry("it is healthy again", Map.of(
          "s1", Reports.of("s1").running("staging/web", "com.example:web", "1.0.0")
              .running("staging/db", "com.example:db", "2.0.0").json())),
      Map.entry("another spoke upgraded", Map.of(
          "s2", Reports.of("s2").running("production/web", "com.example:web", "1.1.0").json())),
      Map.entry("a spoke reports an entity another spoke reports too", Map.of(
          "s3", Reports.of("s3").running("production/web", "com.example:web", "1.2.0").json())),
      Map.entry("an entity left its spoke's report", Map.of(
          "s1", Reports.of("s1").running("staging/db", "com.example:db", "2.0.0").json())));

  @Test
  void eachPassGivesWhatMergingAndTrackingEveryReportGives() {
    JdbcHubStore store = JdbcHubStore.openSqlite(temp);
    try {
      ReportedView view = new ReportedView();
      HealthTracking tracking = new HealthTracking(store);
      ReportParses fullParses = new ReportParses();
      Map<String, StoredReport> stored = new LinkedHashMap<>();
      Map<EntityId, HealthySince> history = Map.of();
      ReportedState last = null;
      Instant now = AT;
      for (Map.Entry<String, Map<String, String>> step : STEPS) {
        step.getValue().forEach((spoke, json) -> stored.put(spoke, new StoredReport(spoke, json, AT)));
        now = now.plusSeconds(30);

        ReportedState tracked = tracking.track(view.read(stored, id -> Optional.empty(), (r, e) -> {}), now);

        List<SpokeReport> all = new ArrayList<>();
        fullParses.parse(stored, id -> Optional.empty(), (r, e) -> {}).values()
            .forEach(read -> read.ifPresent(all::addAll));
        ReportedState merged = ReportedState.of(all);
        history = HealthHistory.update(history, merged, now);
        assertThat(tracked).as(step.getKey()).isEqualTo(merged.withHealthySince(history));
        assertThat(store.healthySince()).as(step.getKey() + ": stored").isEqualTo(history);
        if (step.getValue().isEmpty()) {
          assertThat(tracked).as(step.getKey() + ": the same state").isSameAs(last);
        }
        last = tracked;
      }
    } finally {
      store.close();
    }
  }
}
