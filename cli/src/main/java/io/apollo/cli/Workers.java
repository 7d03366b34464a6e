package io.apollo.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One worker thread per core for the length of a command, so that loading a large repository uses the machine. The
 * threads are daemons and the pool is shut down when the work returns.
 */
public final class Workers {
  private Workers() {}

  public static <T> T withOnePerCore(Function<ExecutorService, T> work) {
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
      Thread thread = new Thread(task, "apollo-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      return work.apply(pool);
    } finally {
      pool.shutdownNow();
    }
  }
}
