package io.apollo.reconciler.loop;

import io.apollo.core.load.ConfigSource;

/**
 * A config source that remembers how long listing its tree took and how many files were read (those whose path and
 * blob the last load had not read, see {@link io.apollo.core.load.IncrementalLoad}), so that a pass's breakdown
 * tells listing from parsing.
 */
final class TimedSource implements ConfigSource {
  private final ConfigSource delegate;
  private volatile long listNanos;
  private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

  TimedSource(ConfigSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Listing list() {
    long started = System.nanoTime();
    try {
      return delegate.list();
    } finally {
      listNanos = System.nanoTime() - started;
    }
  }

  @Override
  public byte[] read(Entry entry) {
    reads.incrementAndGet();
    return delegate.read(entry);
  }

  long listNanos() {
    return listNanos;
  }

  /** Files read, that is parsed again, so far. */
  int reads() {
    return reads.get();
  }
}
