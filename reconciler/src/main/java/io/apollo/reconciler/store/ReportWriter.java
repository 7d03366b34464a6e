package io.apollo.reconciler.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit of spoke reports: reports handed in while a transaction commits wait, and the next transaction
 * stores all of them at once ({@link HubStore#putReports}), so that the cost of a commit (an fsync on SQLite, a round
 * trip on PostgreSQL) is shared by every report that arrived meanwhile. Each report's future completes only once
 * the transaction holding it has committed, or fails with the transaction's error: a 202 sent on completion means
 * the report is durable.
 *
 * <p>There is no delay to fill a batch: a report that finds no transaction under way starts one at once, on a
 * virtual thread that keeps writing batches while reports keep arriving, and ends when none is waiting. Safe to
 * call from any thread; never blocks the caller.
 */
public final class ReportWriter {
  /** Most reports in one transaction, to bound its size (10 entities a report: about 3 KiB each). */
  static final int MAX_BATCH = 512;

  private final HubStore store;
  private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  /** A report and the future its sender waits on. */
  private record Pending(StoredReport report, CompletableFuture<Void> committed) {}

  public ReportWriter(HubStore store) {
    this.store = store;
  }

  /** Stores {@code report} in the next transaction; the future completes once that transaction has committed. */
  public CompletableFuture<Void> write(StoredReport report) {
    CompletableFuture<Void> committed = new CompletableFuture<>();
    waiting.add(new Pending(report, committed));
    startWriterIfIdle();
    return committed;
  }

  private void startWriterIfIdle() {
    if (writing.compareAndSet(false, true)) {
      Thread.ofVirtual().name("apollo-report-writer").start(this::writeWhileWaiting);
    }
  }

  private void writeWhileWaiting() {
    try {
      List<Pending> batch = new ArrayList<>();
      for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
        batch.add(p);
        if (batch.size() == MAX_BATCH || waiting.isEmpty()) {
          commit(batch);
          batch = new ArrayList<>();
        }
      }
    } finally {
      writing.set(false);
    }
    // A report added after the last poll but before the flag was cleared found a writer busy: start one for it.
    if (!waiting.isEmpty()) {
      startWriterIfIdle();
    }
  }

  private void commit(List<Pending> batch) {
    try {
      store.putReports(batch.stream().map(Pending::report).toList());
    } catch (RuntimeException e) {
      batch.forEach(p -> p.committed().completeExceptionally(e));
      return;
    }
    batch.forEach(p -> p.committed().complete(null));
  }
}
