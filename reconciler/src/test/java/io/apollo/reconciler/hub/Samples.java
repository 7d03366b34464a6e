package io.apollo.reconciler.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Durations measured by a benchmark, in nanoseconds, and their median, min and max as a Markdown table row. */
final class Samples {
  private final List<Long> nanos = new ArrayList<>();

  void add(long took) {
    nanos.add(took);
  }

  /** Per round, the sum of the named steps (steps a round lacks count as zero). */
  static Samples sumOf(Map<String, Samples> steps, List<String> names) {
    Samples sum = new Samples();
    int rounds = steps.values().stream().mapToInt(s -> s.nanos.size()).max().orElse(0);
    for (int i = 0; i < rounds; i++) {
      long total = 0;
      for (String name : names) {
        Samples s = steps.get(name);
        total += s != null && i < s.nanos.size() ? s.nanos.get(i) : 0;
      }
      sum.add(total);
    }
    return sum;
  }

  String row(String what) {
    List<Long> sorted = nanos.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return "| " + what + " | - | - | - |\n";
    }
    long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    return String.format("| %s | %.1f | %.1f | %.1f |%n", what, median / 1e6, sorted.getFirst() / 1e6,
        sorted.getLast() / 1e6);
  }
}
