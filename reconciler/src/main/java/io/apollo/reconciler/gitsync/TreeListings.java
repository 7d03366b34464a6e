package io.apollo.reconciler.gitsync;

import io.apollo.core.load.ConfigSource.Entry;
import io.apollo.core.load.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What listing a folder of a commit found, kept by the folder's path and tree id: a tree id names its whole content,
 * so a folder no commit since has touched is not walked again. Listing a commit that changed one file of a
 * 13,000-file repository so reads the three or four trees on that file's path (issue 7). Thread-safe.
 */
final class TreeListings {
  /** Above this many folders kept, the oldest are forgotten all at once (each new commit adds only a few). */
  static final int FOLDERS_KEPT = 50_000;

  /** The config files and refusals found in one folder and below it, in listing order. */
  record Folder(List<Entry> files, List<Problem> refused) {
    Folder {
      files = List.copyOf(files);
      refused = List.copyOf(refused);
    }
  }

  private final Map<String, Folder> folders = new HashMap<>();

  /** The listing of the folder at {@code path} (ending in {@code /}) whose tree is {@code tree}, when known. */
  synchronized Optional<Folder> get(String path, ObjectId tree) {
    return Optional.ofNullable(folders.get(key(path, tree)));
  }

  synchronized void put(String path, ObjectId tree, Folder folder) {
    if (folders.size() >= FOLDERS_KEPT) {
      folders.clear();
    }
    folders.put(key(path, tree), folder);
  }

  synchronized int size() {
    return folders.size();
  }

  private static String key(String path, ObjectId tree) {
    return tree.name() + ' ' + path;
  }
}
