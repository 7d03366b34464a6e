package io.apollo.reconciler.lead;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * With SQLite one hub owns a data folder: it holds an OS lock on {@code <data-dir>/hub.lock} for as long as it
 * runs (the OS releases it when the process dies, even by {@code kill -9}), and a second hub on the same folder
 * refuses to start.
 */
public final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or throws, saying which folder is in use and what to do. */
  public static DataDirLock take(Path dataDir) {
    Path file = dataDir.resolve("hub.lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(file, null);
      }
      return new DataDirLock(channel, lock);
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(file, e);
    } catch (ReconcilerException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static ReconcilerException inUse(Path file, Exception cause) {
    String message = "another hub is using --data-dir " + file.getParent() + " (it holds " + file + ")"
        + (cause == null ? "" : ": " + cause.getMessage()) + "; a SQLite store serves one hub: stop that hub, give"
        + " this one its own --data-dir, or run both on PostgreSQL with --db";
    return cause == null ? new ReconcilerException(message) : new ReconcilerException(message, cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing held: the lock was not taken.
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new ReconcilerException("cannot release the data folder's lock: " + e.getMessage(), e);
    }
  }
}
