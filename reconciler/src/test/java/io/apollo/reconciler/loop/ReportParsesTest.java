package io.apollo.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.ProductId;
import io.apollo.core.report.SpokeReport;
import io.apollo.reconciler.hub.Reports;
import io.apollo.reconciler.store.StoredReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stored reports are parsed once while their text stays the same (issue 7). */
class ReportParsesTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private final ReportParses parses = new ReportParses();
  private final List<String> unreadable = new ArrayList<>();

  private Map<String, Optional<List<SpokeReport>>> parse(Map<String, StoredReport> reports, AtomicInteger asked) {
    return parses.parse(reports, id -> {
      asked.incrementAndGet();
      return Optional.of(ProductId.parse("com.example:web"));
    }, (r, e) -> unreadable.add(r.spoke()));
  }

  private static Map<String, StoredReport> stored(String... jsonBySpoke) {
    Map<String, StoredReport> reports = new LinkedHashMap<>();
    for (int i = 0; i < jsonBySpoke.length; i += 2) {
      reports.put(jsonBySpoke[i], new StoredReport(jsonBySpoke[i], jsonBySpoke[i + 1], AT));
    }
    return reports;
  }

  @Test
  void anUnchangedReportIsParsedOnceAndAChangedOneAgain() {
    String first = Reports.of("s1").running("staging/web", "com.example:web", "1.0.0").json();
    Map<String, Optional<List<SpokeReport>>> one = parse(stored("s1", first, "s2",
        Reports.of("s2").json()), new AtomicInteger());
    Map<String, Optional<List<SpokeReport>>> two = parse(stored("s1", first, "s2", Reports.of("s2").json()),
        new AtomicInteger());
    assertThat(two.get("s1").orElseThrow()).isSameAs(one.get("s1").orElseThrow());
    assertThat(two.keySet()).containsExactly("s1", "s2");

    String second = Reports.of("s1").running("staging/web", "com.example:web", "1.1.0").json();
    Map<String, Optional<List<SpokeReport>>> three = parse(stored("s1", second), new AtomicInteger());
    assertThat(three.get("s1").orElseThrow()).isNotSameAs(one.get("s1").orElseThrow());
    assertThat(three.get("s1").orElseThrow().getFirst().entities()).singleElement()
        .satisfies(e -> assertThat(e.version().orElseThrow().toString()).isEqualTo("1.1.0"));
    assertThat(unreadable).isEmpty();
  }

  @Test
  void aReportThatNeededDesiredStateForAProductIsParsedAgainEachTime() {
    String noProduct = "{\"spoke\":\"s1\",\"reportedAt\":\"" + AT + "\",\"entities\":[{\"entity\":\"staging/web\","
        + "\"version\":\"1.0.0\",\"state\":\"RUNNING\",\"health\":\"HEALTHY\",\"observedAt\":\"" + AT + "\"}]}";
    AtomicInteger asked = new AtomicInteger();
    Map<String, Optional<List<SpokeReport>>> one = parse(stored("s1", noProduct), asked);
    Map<String, Optional<List<SpokeReport>>> two = parse(stored("s1", noProduct), asked);
    assertThat(asked.get()).isEqualTo(2);
    assertThat(two.get("s1").orElseThrow()).isNotSameAs(one.get("s1").orElseThrow());
  }

  @Test
  void aReportThatNoLongerReadsIsToldAndLeftOut() {
    Map<String, Optional<List<SpokeReport>>> parsed = parse(stored("s1", "{not json"), new AtomicInteger());
    assertThat(parsed.get("s1")).isEmpty();
    assertThat(unreadable).containsExactly("s1");
  }
}
