package io.apollo.core.load;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Kind;
import java.util.ArrayList;
import java.util.HashMap;
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
 * identities the changed files name are checked again. Products, releases and environments (the catalog) are
 * checked again together when a changed file held one, and so are the rules (roles, policies, constraints, plans,
 * notifications, holds), apart; when what an entity's check reads of the catalog changed, so are the entities naming a
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
    /** What {@link #forget} and {@link #remember} tell: the file held catalog documents, rule documents. */
    private static final int CATALOG = 1;
    private static final int RULES = 2;
    private final Map<String, Admitted> files = new HashMap<>();
    private List<ConfigSource.Entry> listed = List.of();
    /** The files holding products, releases or environments, and those holding rules, in path (reading) order. */
    private final TreeMap<String, FileResult> catalogFiles = new TreeMap<>();
    private final TreeMap<String, FileResult> rulesFiles = new TreeMap<>();
    private final TreeMap<String, List<Problem>> fileProblems = new TreeMap<>();
    private final TreeSet<String> partlyRead = new TreeSet<>();
    private final EntityIndex entities = new EntityIndex();
    private CheckedContext catalog;
    private List<Problem> catalogProblems = List.of();
    private CheckedRules rules;
    private List<Problem> rulesProblems = List.of();

    /**
     * What changed since the last listing, in one walk of both (each in path order): a path in both whose size or
     * blob differs is read again, one only in {@code admitted} read, one only in the last listing gone. Null when
     * {@code admitted} is not in path order.
     */
    Change changeTo(List<ConfigSource.Entry> admitted) {
      List<ConfigSource.Entry> read = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (j < admitted.size()) {
        ConfigSource.Entry now = admitted.get(j);
        if (j > 0 && admitted.get(j - 1).path().compareTo(now.path()) >= 0) {
          return null;
        }
        int order = i < listed.size() ? listed.get(i).path().compareTo(now.path()) : 1;
        if (order < 0) {
          gone.add(listed.get(i++).path());
          continue;
        }
        if (order > 0) {
          read.add(now);
        } else {
          ConfigSource.Entry last = listed.get(i++);
          if (now.size() != last.size() || !now.blobId().equals(last.blobId())) {
            read.add(now);
          }
        }
        j++;
      }
      while (i < listed.size()) {
        gone.add(listed.get(i++).path());
      }
      return new Change(read, gone);
    }

    void apply(List<ConfigSource.Entry> admitted, Change change, List<FileResult> read) {
      int changed = catalog == null ? CATALOG | RULES : 0;
      for (String path : change.gone()) {
        changed |= forget(path);
      }
      for (int i = 0; i < read.size(); i++) {
        ConfigSource.Entry entry = change.read().get(i);
        changed |= forget(entry.path());
        changed |= remember(entry, read.get(i));
      }
      listed = admitted;
      if ((changed & RULES) != 0) {
        List<Problem> found = new ArrayList<>();
        rules = new CrossChecks(found, new BrokenDocuments()).rules(merged(rulesFiles).mapped);
        rulesProblems = List.copyOf(found);
      }
      if ((changed & CATALOG) == 0) {
        entities.recheck(catalog, catalog);
        return;
      }
      CheckedContext before = catalog;
      Merged merged = merged(catalogFiles);
      List<Problem> found = new ArrayList<>();
      catalog = new CrossChecks(found, merged.broken).catalog(merged.mapped);
      catalogProblems = List.copyOf(found);
      entities.recheck(before, catalog);
    }

    private record Merged(MappedDocuments mapped, BrokenDocuments broken) {}

    /** The documents of {@code files}, in their order. */
    private static Merged merged(TreeMap<String, FileResult> files) {
      Merged merged = new Merged(new MappedDocuments(), new BrokenDocuments());
      for (FileResult file : files.values()) {
        merged.mapped.addAll(file.mapped());
        merged.broken.addAll(file.broken());
      }
      return merged;
    }

    /** Forgets a file; tells what it held. */
    private int forget(String path) {
      Admitted known = files.remove(path);
      if (known == null) {
        return 0;
      }
      catalogFiles.remove(path);
      rulesFiles.remove(path);
      fileProblems.remove(path);
      partlyRead.remove(path);
      entities.remove(path, known.result());
      return holds(known.result());
    }

    /** Keeps what a file yielded; tells what it holds. */
    private int remember(ConfigSource.Entry entry, FileResult result) {
      files.put(entry.path(), new Admitted(entry, result));
      if (!result.problems().isEmpty()) {
        fileProblems.put(entry.path(), result.problems());
      }
      if (!result.readCompletely()) {
        partlyRead.add(entry.path());
      }
      entities.add(entry.path(), result);
      int holds = holds(result);
      if ((holds & CATALOG) != 0) {
        catalogFiles.put(entry.path(), result);
      }
      if ((holds & RULES) != 0) {
        rulesFiles.put(entry.path(), result);
      }
      return holds;
    }

    /**
     * Which checks a file's documents are read by. Broken documents are read only as the products, releases and
     * environments a reference may name (entities' ids are the entity index's).
     */
    private static int holds(FileResult result) {
      boolean catalog = result.mapped().holdsCatalog()
          || result.broken().namesAny(Kind.PRODUCT, Kind.RELEASE, Kind.ENVIRONMENT);
      return (catalog ? CATALOG : 0) | (result.mapped().holdsRules() ? RULES : 0);
    }

    /** The result, {@code problems} and {@code unreadable} holding what the listing and byte cap found. */
    LoadResult result(List<Problem> problems, Set<String> unreadable) {
      List<Problem> all = new ArrayList<>(problems);
      fileProblems.values().forEach(all::addAll);
      all.addAll(catalogProblems);
      all.addAll(rulesProblems);
      entities.problems(all);
      unreadable.addAll(partlyRead);
      DesiredState state = catalog.withRules(rules).state(entities.entities(), entities.invalid());
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
