package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The line of commits a plan file came down: from a commit, back through the parent that has the file (the first
 * parent when it does, else the merged one), to the commit where the file first appeared, which for a file the hub
 * proposed is its proposal commit. Bound to one reader, not thread-safe.
 */
final class FileLine {
  /** How far back a line is followed: far beyond any plan branch people write by hand. */
  private static final int MAX_COMMITS = 100_000;

  private final ObjectReader reader;
  private final RevWalk walk;

  FileLine(ObjectReader reader) {
    this.reader = reader;
    this.walk = new RevWalk(reader);
  }

  /** The commit where {@code path} first appeared in {@code commit}'s history along the file's line. */
  RevCommit origin(RevCommit commit, String path) {
    List<RevCommit> line = back(commit, path);
    return line.getLast();
  }

  /**
   * The commits of a plan branch that the merge {@code merge} brought {@code path} in with, oldest (the origin)
   * first; empty when no parent but the first has the file (not a merge of it).
   */
  List<RevCommit> branchSide(RevCommit merge, String path) {
    try {
      for (int i = 1; i < merge.getParentCount(); i++) {
        RevCommit parent = walk.parseCommit(merge.getParent(i));
        if (blob(parent, path) != null) {
          return back(parent, path).reversed();
        }
      }
      return List.of();
    } catch (IOException e) {
      throw failure(merge, e);
    }
  }

  /** The file's blob at {@code commit}; null when the commit does not have it. */
  ObjectId blob(RevCommit commit, String path) {
    try {
      RevCommit parsed = walk.parseCommit(commit);
      try (TreeWalk tree = TreeWalk.forPath(reader, path, parsed.getTree())) {
        return tree == null ? null : tree.getObjectId(0);
      }
    } catch (IOException e) {
      throw failure(commit, e);
    }
  }

  /** {@code commit} and the commits it came from along the file's line, newest first. */
  private List<RevCommit> back(RevCommit commit, String path) {
    try {
      List<RevCommit> line = new ArrayList<>();
      RevCommit c = walk.parseCommit(commit);
      while (c != null && line.size() < MAX_COMMITS) {
        line.add(c);
        RevCommit next = null;
        for (int i = 0; i < c.getParentCount() && next == null; i++) {
          RevCommit parent = walk.parseCommit(c.getParent(i));
          if (blob(parent, path) != null) {
            next = parent;
          }
        }
        c = next;
      }
      return line;
    } catch (IOException e) {
      throw failure(commit, e);
    }
  }

  private static ReconcilerException failure(ObjectId commit, IOException e) {
    return new ReconcilerException("cannot read the history of commit " + commit.name() + ": " + e.getMessage(), e);
  }
}
