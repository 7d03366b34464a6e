package io.apollo.reconciler.gitsync;

import io.apollo.core.load.ConfigSource;

/**
 * A commit's tree that reports its read failures: the repository then checks its clone through on the next fetch,
 * since a read that fails may mean objects on disk are broken.
 */
final class WatchedSource implements ConfigSource {
  private final GitCommitSource delegate;
  private final Runnable onFailure;

  WatchedSource(GitCommitSource delegate, Runnable onFailure) {
    this.delegate = delegate;
    this.onFailure = onFailure;
  }

  @Override
  public Listing list() {
    try {
      return delegate.list();
    } catch (RuntimeException e) {
      onFailure.run();
      throw e;
    }
  }

  @Override
  public byte[] read(Entry entry) {
    try {
      return delegate.read(entry);
    } catch (RuntimeException e) {
      onFailure.run();
      throw e;
    }
  }
}
