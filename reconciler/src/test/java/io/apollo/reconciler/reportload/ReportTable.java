package io.apollo.reconciler.reportload;

import java.util.List;
import java.util.Optional;

/** The reports benchmark's table: every run, then the hub's rate as a fraction of the trivial route's. */
final class ReportTable {
  private ReportTable() {}

  static String render(List<ReportBench.Result> results, List<Integer> connections, String loadBefore,
      String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("machine: %d cores, JDK %s, load average before %s, after %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, loadAfter));
    out.append(String.format("%n| target | reports | connections | reports/s | p50 ms | p99 ms | CPU ms a report"
        + " | passes (s) | refused |%n"));
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ReportBench.Result r : results) {
      String passes = r.target().equals("hub")
          ? String.format("%d (%.1f)", r.passes().count(), r.passes().seconds()) : "-";
      out.append(String.format("| %s | %s | %d | %,.0f | %.2f | %.2f | %.3f | %s | %d |%n", r.target(), r.mode(),
          r.connections(), r.rate(), r.p50(), r.p99(), r.cpuMsPerReport(), passes, r.errors()));
    }
    out.append(String.format("%n| connections | hub changed / trivial | hub repeat / trivial |%n|---:|---:|---:|%n"));
    for (int c : connections) {
      Optional<Double> trivial = rate(results, "trivial", "repeat", c);
      out.append(String.format("| %d | %s | %s |%n", c, ratio(rate(results, "hub", "changed", c), trivial),
          ratio(rate(results, "hub", "repeat", c), trivial)));
    }
    return out.toString();
  }

  private static Optional<Double> rate(List<ReportBench.Result> results, String target, String mode, int c) {
    return results.stream().filter(r -> r.target().equals(target) && r.mode().equals(mode) && r.connections() == c)
        .map(ReportBench.Result::rate).findFirst();
  }

  private static String ratio(Optional<Double> hub, Optional<Double> trivial) {
    return hub.isPresent() && trivial.isPresent() && trivial.get() > 0
        ? String.format("%.2f", hub.get() / trivial.get()) : "-";
  }
}
