package io.apollo.core.load;

import io.apollo.core.config.DesiredState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Loads commit after commit of one repository, each in proportion to its change: what each file yielded is kept by
 * path and blob id, and a load reads again only the files whose blob changed, then checks again only what they
 * touch. The files that changed are found by comparing the listing with the last one (no diff of commits). Entity
 * identities the changed files name are checked again; the other kinds (few documents) are checked again together
 * when a changed file held one, and then, if what an entity's check reads of them changed, the entities naming a
 * product that appeared, went or whose releases changed, or an environment that changed, and those that did not
 * resolve (their problems name what is known). The byte cap, refused and unreadable files are judged on each listing
 * as a full load does.
 *
 * <p>Contract: each {@link #load} gives a result equal to {@link ConfigLoader#load(ConfigSource, Executor)} of the
 * same tree: the same desired state, problems (sorted, so found in any order), unreadable files in the same order.
 * {@code IncrementalLoadTest} proves it for each kind of change. A load that throws (a blob that cannot be read)
 * leaves the state of the last good one, and one that fails while updating it makes the next load a full one.
 *
 * <p>Not thread-safe: one load at a time (the hub's loop); files are read on the executor given.
 */
public final class IncrementalLoad {
  private final ConfigLoader loader;
  /** What the last load kept; null before the first and after a failed update. */
  private Tree tree;
  private int lastRead;

  public IncrementalLoad(ConfigLoader loader) {
    this.loader = loader;
  }

  /** Loads the tree {@code source} lists now, reading again only what changed since the last load. */
  public LoadResult load(ConfigSource source, Executor executor) {
    return load(source.list(), source, executor);
  }

  /**
   * Loads the tree {@code listing} names, reading from {@code source} the files not read by the last load with the
   * same path and blob id: the seam takes the two listings (the last one kept here) rather than a diff.
   */
  public LoadResult load(ConfigSource.Listing listing, ConfigSource source, Executor executor) {
    List<Problem> problems = new ArrayList<>(listing.refused());
    Set<String> unreadable = new LinkedHashSet<>();
    listing.refused().forEach(p -> unreadable.add(p.path()));
    List<ConfigSource.Entry> admitted = loader.admit(listing.files(), problems, unreadable);
    Tree from = tree == null ? new Tree() : tree;
    Change change = from.changeTo(admitted);
    if (change == null) {
      // Not in path order: reading order is then the listing's, which this index does not keep.
      tree = null;
      lastRead = admitted.size();
      return loader.load(new Listed(listing, source), executor);
    }
    List<FileResult> read = loader.readAll(source, change.read(), executor);
    tree = null;
    from.apply(admitted, change, read);
    tree = from;
    lastRead = read.size();
    return from.result(problems, unreadable);
  }

  /** How many files the last load read (all of them the first time). */
  public int lastRead() {
    return lastRead;
  }

  /** The files to read and the paths no longer admitted. */
  private record Change(List<ConfigSource.Entry> read, List<String> gone) {}

  /** What one file yielded, and the entry it was read as. */
  private record Admitted(ConfigSource.Entry entry, FileResult result) {}

  /** All that is kept between loads. */
  private static final class Tree {
    private final Map<String, Admitted> files = new HashMap<>();
    private List<ConfigSource.Entry> listed = List.of();
    /** The files holding a document of a kind other than entities, in path order (the reading order). */
    private final TreeMap<String, FileResult> contextFiles = new TreeMap<>();
    private final TreeMap<String, List<Problem>> fileProblems = new TreeMap<>();
    private final TreeSet<String> partlyRead = new TreeSet<>();
    private final EntityIndex entities = new EntityIndex();
    private CheckedContext context;
    private List<Problem> contextProblems = List.of();

    /** What changed since the last listing; null when {@code admitted} is not in path order. */
    Change changeTo(List<ConfigSource.Entry> admitted) {
      List<ConfigSource.Entry> read = changedInPlace(admitted);
      if (read != null) {
        return new Change(read, List.of());
      }
      read = new ArrayList<>();
      Set<String> now = new HashSet<>();
      for (int i = 0; i < admitted.size(); i++) {
        ConfigSource.Entry entry = admitted.get(i);
        if (i > 0 && admitted.get(i - 1).path().compareTo(entry.path()) >= 0) {
          return null;
        }
        now.add(entry.path());
        Admitted known = files.get(entry.path());
        if (known == null || !known.entry().equals(entry)) {
          read.add(entry);
        }
      }
      List<String> gone = files.keySet().stream().filter(p -> !now.contains(p)).toList();
      return new Change(read, gone);
    }

    /**
     * The common case, a commit that changed files but added or removed none: the entries whose blob changed, found
     * without a map of 13,000 paths; null when the paths are not those of the last listing, in the same order.
     */
    private List<ConfigSource.Entry> changedInPlace(List<ConfigSource.Entry> admitted) {
      if (admitted.size() != listed.size() || admitted.isEmpty()) {
        return null;
      }
      List<ConfigSource.Entry> read = new ArrayList<>();
      for (int i = 0; i < admitted.size(); i++) {
        ConfigSource.Entry now = admitted.get(i);
        ConfigSource.Entry last = listed.get(i);
        if (!now.path().equals(last.path())) {
          return null;
        }
        if (now.size() != last.size() || !now.blobId().equals(last.blobId())) {
          read.add(now);
        }
      }
      return read;
    }

    void apply(List<ConfigSource.Entry> admitted, Change change, List<FileResult> read) {
      boolean contextChanged = context == null;
      for (String path : change.gone()) {
        contextChanged |= forget(path);
      }
      for (int i = 0; i < read.size(); i++) {
        ConfigSource.Entry entry = change.read().get(i);
        contextChanged |= forget(entry.path());
        contextChanged |= remember(entry, read.get(i));
      }
      listed = admitted;
      if (!contextChanged) {
        entities.recheck(context, context);
        return;
      }
      CheckedContext before = context;
      MappedDocuments docs = new MappedDocuments();
      BrokenDocuments broken = new BrokenDocuments();
      for (FileResult file : contextFiles.values()) {
        docs.addAll(file.mapped());
        broken.addAll(file.broken());
      }
      List<Problem> found = new ArrayList<>();
      context = new CrossChecks(found, broken).context(docs);
      contextProblems = List.copyOf(found);
      entities.recheck(before, context);
    }

    /** Forgets a file; true when it held a document of another kind than entities. */
    private boolean forget(String path) {
      Admitted known = files.remove(path);
      if (known == null) {
        return false;
      }
      contextFiles.remove(path);
      fileProblems.remove(path);
      partlyRead.remove(path);
      entities.remove(path, known.result());
      return holdsContext(known.result());
    }

    /** Keeps what a file yielded; true when it holds a document of another kind than entities. */
    private boolean remember(ConfigSource.Entry entry, FileResult result) {
      files.put(entry.path(), new Admitted(entry, result));
      if (!result.problems().isEmpty()) {
        fileProblems.put(entry.path(), result.problems());
      }
      if (!result.readCompletely()) {
        partlyRead.add(entry.path());
      }
      entities.add(entry.path(), result);
      if (holdsContext(result)) {
        contextFiles.put(entry.path(), result);
        return true;
      }
      return false;
    }

    private static boolean holdsContext(FileResult result) {
      return !result.mapped().onlyEntities() || result.broken().namesAny();
    }

    /** The result, {@code problems} and {@code unreadable} holding what the listing and byte cap found. */
    LoadResult result(List<Problem> problems, Set<String> unreadable) {
      List<Problem> all = new ArrayList<>(problems);
      fileProblems.values().forEach(all::addAll);
      all.addAll(contextProblems);
      entities.problems(all);
      unreadable.addAll(partlyRead);
      DesiredState state = context.state(entities.entities(), entities.invalid());
      return new LoadResult(state, all, List.copyOf(unreadable));
    }
  }

  /** A source whose listing was taken already. */
  private record Listed(ConfigSource.Listing listing, ConfigSource source) implements ConfigSource {
    @Override
    public Listing list() {
      return listing;
    }

    @Override
    public byte[] read(Entry entry) {
      return source.read(entry);
    }
  }
}
