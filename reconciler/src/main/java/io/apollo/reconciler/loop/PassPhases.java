package io.apollo.reconciler.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long each step of one pass took, in the order the steps ran: the breakdown that says where a pass spends its
 * time (docs/benchmarks.md, "The hub at scale"). Each {@link #end} closes the step that began at the previous one.
 * Not thread-safe: one pass, one thread.
 */
final class PassPhases {
  /** One step and its duration. */
  record Phase(String name, Duration took) {}

  private final List<Phase> phases = new ArrayList<>();
  private final long started = System.nanoTime();
  private long mark = started;

  /** Closes the step that ran since the last call (or since the pass began) under {@code name}. */
  void end(String name) {
    long now = System.nanoTime();
    phases.add(new Phase(name, Duration.ofNanos(now - mark)));
    mark = now;
  }

  /**
   * Records a step measured inside the one under way ({@code nanos} long, such as listing a tree inside loading),
   * and leaves the rest of the time to the next {@link #end}.
   */
  void inner(String name, long nanos) {
    phases.add(new Phase(name, Duration.ofNanos(nanos)));
    mark += nanos;
  }

  List<Phase> phases() {
    return List.copyOf(phases);
  }

  /** Since the pass began. */
  Duration total() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Tells {@code meters} of every step. */
  void report(PassMeters meters) {
    phases.forEach(p -> meters.phase(p.name(), p.took()));
  }

  /** The steps in words for the log: {@code fetch 3.1 ms, load 40.2 ms, ...}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Phase p : phases) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append(p.name()).append(' ').append(String.format(java.util.Locale.ROOT, "%.1f", p.took().toNanos() / 1e6))
          .append(" ms");
    }
    return out.toString();
  }
}
