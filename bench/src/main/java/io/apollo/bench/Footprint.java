package io.apollo.bench;

import io.apollo.core.config.DesiredState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * How much heap a loaded fleet keeps: the {@link DesiredState} of a synthetic fleet, measured as used heap after
 * full collections with and without it held. Run: {@code java -cp bench/target/benchmarks.jar
 * io.apollo.bench.Footprint 10000}. A measurement, not a test: it prints, it asserts nothing.
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] args) {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    SyntheticFleet.OnDisk fleet = SyntheticFleet.writeValid(entities);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long without = settledHeap(memory);
    DesiredState held = io.apollo.core.load.ConfigLoader.withDefaults().load(fleet.repo()).state();
    long with = settledHeap(memory);
    long bytes = with - without;
    System.out.printf("%d entities (%d releases): DesiredState retains %.1f MiB, %d bytes per entity%n",
        held.entities().size(), held.releases().values().stream().mapToInt(java.util.List::size).sum(),
        bytes / (1024.0 * 1024.0), bytes / Math.max(1, held.entities().size()));
  }

  private static long settledHeap(MemoryMXBean memory) {
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
