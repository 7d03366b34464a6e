package io.apollo.core.load;

import java.util.List;
import java.util.Objects;

/**
 * A tree of named byte blobs that holds a config repository: a folder on disk ({@link FileTreeSource}) or, in the
 * hub, the objects of one git commit. Paths are repository-relative with {@code /} separators.
 */
public interface ConfigSource {

  /**
   * The candidate files: {@code *.yaml} and {@code *.yml}, hidden folders and files skipped, sorted by path. Entries
   * that must not be read (symlinks, paths leaving the root, files over the size cap) are not listed but reported in
   * {@link Listing#refused()}.
   */
  Listing list();

  /** The bytes of a listed entry; throws {@link io.apollo.core.ApolloException} when it cannot be read. */
  byte[] read(Entry entry);

  /**
   * A listed file. {@code blobId} identifies its content (a git blob id, or size and modification time on disk) so
   * callers may reuse a parse when it is unchanged.
   */
  record Entry(String path, long size, String blobId) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(blobId, "blobId");
    }
  }

  /** What {@link #list()} found. */
  record Listing(List<Entry> files, List<Problem> refused) {
    public Listing {
      files = List.copyOf(files);
      refused = List.copyOf(refused);
    }
  }
}
