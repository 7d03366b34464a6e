package io.apollo.core.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What each file yielded, kept by path and blob id, so that loading a new commit re-parses only the files whose
 * content changed (DESIGN.md section 7). Keyed by path as well as content because problems and positions name the
 * path. Each load forgets the entries of files no longer listed, so the cache holds one repository's worth at most.
 *
 * <p>Only as good as the source's blob ids: a git blob id names content exactly; {@link FileTreeSource}'s
 * size-and-mtime id does not, so a cache over a folder that is being edited may serve a stale parse. Thread-safe.
 */
public final class ParseCache {
  private final ConcurrentHashMap<String, FileResult> byKey = new ConcurrentHashMap<>();

  /** How many files' results are held. */
  public int size() {
    return byKey.size();
  }

  FileResult get(ConfigSource.Entry entry) {
    return byKey.get(key(entry));
  }

  void put(ConfigSource.Entry entry, FileResult result) {
    byKey.put(key(entry), result);
  }

  /** Forgets every entry not among {@code listed}. */
  void retainOnly(Set<ConfigSource.Entry> listed) {
    Set<String> keep = listed.stream().map(ParseCache::key).collect(Collectors.toSet());
    byKey.keySet().retainAll(keep);
  }

  private static String key(ConfigSource.Entry entry) {
    return entry.path() + "\u0000" + entry.blobId();
  }
}
