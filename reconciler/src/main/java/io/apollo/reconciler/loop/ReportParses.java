package io.apollo.reconciler.loop;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.report.SpokeReport;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.reconciler.store.StoredReport;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The stored reports as the planner takes them, each parsed once: a report whose text is unchanged since the last
 * pass is not parsed again (issue 7: with 1,000 spokes, parsing every report on every pass cost more than planning).
 * A parse is kept only when it did not ask desired state for an entity's product (every entity report named its
 * own), so that a kept parse never depends on a commit since replaced. Not thread-safe: the loop's thread owns it.
 */
final class ReportParses {
  private record Parsed(String json, List<SpokeReport> reports) {}

  private Map<String, Parsed> bySpoke = new HashMap<>();

  /**
   * Each stored report parsed, by spoke in the order of {@code reports}, reusing the last pass's parse of an
   * unchanged text; a report that no longer reads is empty and told to {@code unreadable}.
   *
   * @param products an entity's product in desired state, for entity reports that do not name theirs
   */
  Map<String, Optional<List<SpokeReport>>> parse(Map<String, StoredReport> reports,
      Function<EntityId, Optional<ProductId>> products, BiConsumer<StoredReport, RuntimeException> unreadable) {
    Map<String, Parsed> next = new HashMap<>();
    Map<String, Optional<List<SpokeReport>>> parsed = new LinkedHashMap<>();
    for (StoredReport r : reports.values()) {
      Parsed known = bySpoke.get(r.spoke());
      if (known != null && known.json().equals(r.json())) {
        next.put(r.spoke(), known);
        parsed.put(r.spoke(), Optional.of(known.reports()));
        continue;
      }
      boolean[] askedDesiredState = {false};
      try {
        List<SpokeReport> read = List.copyOf(SpokeReportJson.read("stored report of spoke " + r.spoke(),
            r.json().getBytes(StandardCharsets.UTF_8), id -> {
              askedDesiredState[0] = true;
              return products.apply(id);
            }));
        if (!askedDesiredState[0]) {
          next.put(r.spoke(), new Parsed(r.json(), read));
        }
        parsed.put(r.spoke(), Optional.of(read));
      } catch (RuntimeException e) {
        unreadable.accept(r, e);
        parsed.put(r.spoke(), Optional.empty());
      }
    }
    bySpoke = next;
    return parsed;
  }
}
