package io.apollo.reconciler.loop;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReport;
import io.apollo.reconciler.store.StoredReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The stored reports as one {@link ReportedState} ({@link ReportedState#of}), each report parsed once
 * ({@link ReportParses}); when no spoke's parse changed since the last pass the last state itself is given again, so
 * that what the pass does next (the health history, planning's indexes) sees the same instance and skips its work
 * (issue 18). Not thread-safe: the loop's thread owns it.
 */
final class ReportedView {
  private final ReportParses parses = new ReportParses();
  private Map<String, Optional<List<SpokeReport>>> lastParsed = Map.of();
  private ReportedState last = ReportedState.empty();

  /** The reported state of {@code reports}; {@code products} and {@code unreadable} as {@link ReportParses} takes. */
  ReportedState read(Map<String, StoredReport> reports, Function<EntityId, Optional<ProductId>> products,
      BiConsumer<StoredReport, RuntimeException> unreadable) {
    Map<String, Optional<List<SpokeReport>>> parsed = parses.parse(reports, products, unreadable);
    if (sameParses(parsed)) {
      lastParsed = parsed;
      return last;
    }
    List<SpokeReport> all = new ArrayList<>();
    parsed.values().forEach(read -> read.ifPresent(all::addAll));
    lastParsed = parsed;
    last = ReportedState.of(all);
    return last;
  }

  /** Whether every spoke's parse is the very list of the last pass, in the same order of spokes. */
  private boolean sameParses(Map<String, Optional<List<SpokeReport>>> parsed) {
    if (parsed.size() != lastParsed.size() || lastParsed.isEmpty()) {
      return false;
    }
    var a = parsed.entrySet().iterator();
    var b = lastParsed.entrySet().iterator();
    while (a.hasNext()) {
      var x = a.next();
      var y = b.next();
      if (!x.getKey().equals(y.getKey()) || x.getValue().isEmpty() || y.getValue().isEmpty()
          || x.getValue().get() != y.getValue().get()) {
        return false;
      }
    }
    return true;
  }
}
