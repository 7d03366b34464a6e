package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * How each plan file on a branch got there, read from the branch's first-parent history (the commits the branch
 * itself made: merges, squashes, direct commits; not the commits of the branches merged into it): the commit that
 * added the file as it stands, and every later commit that changed it, oldest first.
 */
final class PlanHistory {
  static final String PLANS = "plans";

  /** One first-parent commit that touched a file: the file's blob before (null: absent) and after. */
  record Change(RevCommit commit, Optional<RevCommit> firstParent, ObjectId before, ObjectId after) {}

  /** A plan file at the commit asked about, where it was added, and what changed it since (oldest first). */
  record FileHistory(String path, String planId, ObjectId blob, Change added, List<Change> laterChanges) {}

  /** The histories found at one commit, to start from when asked about a later commit. */
  record Snapshot(ObjectId commit, Map<String, FileHistory> files) {}

  private PlanHistory() {}

  /** Every {@code plans/**}{@code /<id>.yaml} file at {@code commit}, with its history, by path. */
  static Map<String, FileHistory> of(ObjectReader reader, ObjectId commit) {
    return of(reader, commit, Optional.empty());
  }

  /**
   * As {@link #of(ObjectReader, ObjectId)}, walking back only as far as {@code base} when {@code base}'s commit is
   * on {@code commit}'s first-parent line: files the commits since then did not touch keep {@code base}'s history
   * object itself (so callers may reuse what they derived from it).
   */
  static Map<String, FileHistory> of(ObjectReader reader, ObjectId commit, Optional<Snapshot> base) {
    try (RevWalk walk = new RevWalk(reader)) {
      RevCommit head = walk.parseCommit(commit);
      Map<String, ObjectId> files = planFiles(reader, head);
      Map<String, List<Change>> changes = new HashMap<>();
      Map<String, FileHistory> found = new TreeMap<>();
      // Walk back along first parents until every file's adding commit is found (or the root is passed).
      for (RevCommit c = head; c != null && found.size() < files.size(); ) {
        if (base.isPresent() && c.equals(base.get().commit())) {
          return continueFrom(base.get(), files, changes, found).orElseGet(() -> of(reader, commit));
        }
        RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
        for (Map.Entry<String, Change> entry : changedPlanFiles(reader, c, parent).entrySet()) {
          String path = entry.getKey();
          Change change = entry.getValue();
          if (!files.containsKey(path) || found.containsKey(path)) {
            continue;
          }
          if (change.before() == null && change.after() != null) {
            List<Change> later = changes.getOrDefault(path, List.of()).reversed();
            found.put(path, new FileHistory(path, planId(path), files.get(path), change, List.copyOf(later)));
          } else {
            changes.computeIfAbsent(path, k -> new ArrayList<>()).add(change);
          }
        }
        c = parent;
      }
      return found;
    } catch (IOException e) {
      throw new ReconcilerException("cannot read the plan files' history of commit " + commit.name() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Completes {@code found} from {@code base} for the files not added since: their history there plus the changes
   * since. Empty when a file is in neither (then a full walk is needed).
   */
  private static Optional<Map<String, FileHistory>> continueFrom(Snapshot base, Map<String, ObjectId> files,
      Map<String, List<Change>> changes, Map<String, FileHistory> found) {
    for (Map.Entry<String, ObjectId> file : files.entrySet()) {
      String path = file.getKey();
      if (found.containsKey(path)) {
        continue;
      }
      FileHistory before = base.files().get(path);
      if (before == null) {
        return Optional.empty();
      }
      List<Change> since = changes.getOrDefault(path, List.of());
      if (since.isEmpty()) {
        found.put(path, before);
      } else {
        List<Change> later = new ArrayList<>(before.laterChanges());
        later.addAll(since.reversed());
        found.put(path, new FileHistory(path, before.planId(), file.getValue(), before.added(), List.copyOf(later)));
      }
    }
    return Optional.of(found);
  }

  /** The plan id a plan file's path names: its file name without {@code .yaml}. */
  static String planId(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.substring(0, name.lastIndexOf('.'));
  }

  static boolean isPlanFile(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String name = path.substring(path.lastIndexOf('/') + 1);
    return path.startsWith(PLANS + "/") && !name.startsWith(".") && !path.contains("/.")
        && (lower.endsWith(".yaml") || lower.endsWith(".yml")) && name.lastIndexOf('.') > 0;
  }

  private static Map<String, ObjectId> planFiles(ObjectReader reader, RevCommit commit) throws IOException {
    Map<String, ObjectId> files = new TreeMap<>();
    try (TreeWalk tree = new TreeWalk(reader)) {
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      tree.setFilter(PathFilter.create(PLANS));
      while (tree.next()) {
        if (isPlanFile(tree.getPathString()) && tree.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
          files.put(tree.getPathString(), tree.getObjectId(0));
        }
      }
    }
    return files;
  }

  /** The plan files that differ between {@code commit} and its first parent (null: the empty tree). */
  private static Map<String, Change> changedPlanFiles(ObjectReader reader, RevCommit commit, RevCommit parent)
      throws IOException {
    Map<String, Change> changed = new HashMap<>();
    try (TreeWalk tree = new TreeWalk(reader)) {
      tree.addTree(commit.getTree());
      if (parent == null) {
        tree.addTree(new EmptyTreeIterator());
      } else {
        tree.addTree(parent.getTree());
      }
      tree.setRecursive(true);
      tree.setFilter(AndTreeFilter.create(PathFilter.create(PLANS), TreeFilter.ANY_DIFF));
      while (tree.next()) {
        String path = tree.getPathString();
        if (!isPlanFile(path)) {
          continue;
        }
        ObjectId after = tree.getRawMode(0) == 0 ? null : tree.getObjectId(0);
        ObjectId before = tree.getRawMode(1) == 0 ? null : tree.getObjectId(1);
        changed.put(path, new Change(commit, Optional.ofNullable(parent), before, after));
      }
    }
    return changed;
  }
}
