package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * A new tree made from an old one with some files written: only the trees on the written paths are read and written
 * again, every other subtree is kept by its id. Committing one plan file to a 13,000-file repository so reads three
 * trees, not every tree of the repository (issue 7).
 */
final class TreeEdit {
  private record Item(byte[] name, FileMode mode, ObjectId id) {}

  private TreeEdit() {}

  /**
   * The tree {@code tree} with each of {@code blobs} (path to blob id) written as a regular file, folders made as
   * needed; empty when every file is already there with that content.
   *
   * @throws ReconcilerException when a path runs through a file or names a folder
   */
  static Optional<ObjectId> write(ObjectReader reader, ObjectInserter inserter, ObjectId tree,
      Map<String, ObjectId> blobs) throws IOException {
    blobs.keySet().forEach(TreeEdit::checkPath);
    ObjectId written = write(reader, inserter, Optional.of(tree), "", blobs);
    return written.equals(tree) ? Optional.empty() : Optional.of(written);
  }

  private static ObjectId write(ObjectReader reader, ObjectInserter inserter, Optional<ObjectId> tree, String at,
      Map<String, ObjectId> blobs) throws IOException {
    TreeMap<String, Item> items = new TreeMap<>();
    if (tree.isPresent()) {
      CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree.get());
      for (; !parser.eof(); parser.next()) {
        byte[] name = new byte[parser.getNameLength()];
        parser.getName(name, 0);
        items.put(parser.getEntryPathString(), new Item(name, parser.getEntryFileMode(),
            parser.getEntryObjectId()));
      }
    }
    // Writes below this tree, by the name of its entry they go into.
    Map<String, Map<String, ObjectId>> below = new TreeMap<>();
    blobs.forEach((path, blob) -> {
      int slash = path.indexOf('/');
      String name = slash < 0 ? path : path.substring(0, slash);
      below.computeIfAbsent(name, k -> new TreeMap<>()).put(slash < 0 ? "" : path.substring(slash + 1), blob);
    });
    boolean changed = false;
    for (Map.Entry<String, Map<String, ObjectId>> write : below.entrySet()) {
      String name = write.getKey();
      Item old = items.get(name);
      Map<String, ObjectId> writes = write.getValue();
      ObjectId id;
      FileMode mode;
      if (writes.containsKey("")) {
        if (writes.size() > 1 || (old != null && old.mode() == FileMode.TREE)) {
          throw new ReconcilerException("cannot write " + at + name + ": a folder of that name is in the way");
        }
        id = writes.get("");
        mode = FileMode.REGULAR_FILE;
      } else {
        if (old != null && old.mode() != FileMode.TREE) {
          throw new ReconcilerException("cannot write under " + at + name + "/: a file of that name is in the way");
        }
        id = write(reader, inserter, Optional.ofNullable(old).map(Item::id), at + name + "/", writes);
        mode = FileMode.TREE;
      }
      if (old == null || !old.id().equals(id) || old.mode() != mode) {
        items.put(name, new Item(name.getBytes(StandardCharsets.UTF_8), mode, id));
        changed = true;
      }
    }
    if (!changed && tree.isPresent()) {
      return tree.get();
    }
    TreeFormatter out = new TreeFormatter();
    List<Item> sorted = new ArrayList<>(items.values());
    sorted.sort(TreeEdit::gitOrder);
    sorted.forEach(item -> out.append(item.name(), 0, item.name().length, item.mode(), item.id()));
    return inserter.insert(out);
  }

  private static void checkPath(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")
          || segment.indexOf('\0') >= 0) {
        throw new ReconcilerException("cannot write '" + path + "': each part of a path must be a plain name");
      }
    }
  }

  /** Git's order of tree entries: by name bytes, a folder's name compared as if it ended in {@code /}. */
  private static int gitOrder(Item a, Item b) {
    byte[] x = a.name();
    byte[] y = b.name();
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int c = (x[i] & 0xff) - (y[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    int xNext = x.length > n ? x[n] & 0xff : a.mode() == FileMode.TREE ? '/' : 0;
    int yNext = y.length > n ? y[n] & 0xff : b.mode() == FileMode.TREE ? '/' : 0;
    return xNext - yNext;
  }
}
