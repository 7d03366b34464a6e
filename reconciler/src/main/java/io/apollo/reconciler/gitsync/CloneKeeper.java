package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Keeps the hub's clone of one remote: the {@link LocalClone} in use, whether it can be trusted, and how it is made
 * again. Not thread-safe: its owner serialises calls.
 */
final class CloneKeeper implements AutoCloseable {
  private final Path dir;
  private final String branch;
  private final Remote remote;
  private LocalClone clone;

  private CloneKeeper(Path dir, String branch, Remote remote, LocalClone clone) {
    this.dir = dir;
    this.branch = branch;
    this.remote = remote;
    this.clone = clone;
  }

  /** The clone already in {@code dir}, if any opens; none is made until {@link #cloneAfresh}. */
  static CloneKeeper open(Path dir, String branch, Remote remote) {
    return new CloneKeeper(dir, branch, remote, LocalClone.openExisting(dir).orElse(null));
  }

  /** The governed branch as the clone last fetched it, when the clone can read that commit. */
  Optional<ObjectId> lastFetchedIfReadable() {
    if (clone == null) {
      return Optional.empty();
    }
    return clone.tracking(branch).filter(last -> clone.check(last, false).isEmpty());
  }

  /** True when a clone was opened, or something (a broken clone) occupies its folder. */
  boolean hadClone() {
    return clone != null || LocalClone.holdsAnything(dir);
  }

  /** The clone is there, looks like a repository, and its last fetched head reads (every object, when deep). */
  boolean usable(boolean deep) {
    if (clone == null || !LocalClone.looksLikeRepository(dir)) {
      return false;
    }
    Optional<ObjectId> last = clone.tracking(branch);
    return last.isEmpty() || clone.check(last.get(), deep).isEmpty();
  }

  /** Fetches every branch into the clone in use. */
  void fetch() {
    clone.clearStaleLocks();
    remote.fetch(clone.repository());
  }

  /**
   * Clones the remote into {@code <dir>.new} and, once that worked, puts it in place of the clone there (moved
   * aside to {@code <dir>.broken}). When the remote cannot be reached, the old clone, broken or not, is left as it
   * was: nothing is thrown away before its replacement is ready. {@code context} ends the message of that error.
   */
  void cloneAfresh(String context) {
    Path fresh = dir.resolveSibling(dir.getFileName() + ".new");
    LocalClone.delete(fresh);
    try (LocalClone candidate = LocalClone.create(fresh)) {
      remote.fetch(candidate.repository());
    } catch (ReconcilerException unreachable) {
      LocalClone.delete(fresh);
      throw new ReconcilerException(unreachable.getMessage() + context, unreachable);
    }
    close();
    LocalClone.moveAside(dir);
    LocalClone.moveInto(fresh, dir);
    clone = LocalClone.openExisting(dir).orElseThrow(() -> new ReconcilerException(
        "the fresh clone of " + remote + " in " + dir + " cannot be opened; check the data folder"));
  }

  /** The governed branch as last fetched. */
  ObjectId trackedHead(String context) {
    return local().tracking(branch).orElseThrow(() -> new ReconcilerException(
        "the remote " + remote + " has no branch '" + branch + "'; check --branch" + context));
  }

  /** The remote's {@code name} branch as last fetched; empty when it was not there (or no clone yet). */
  Optional<ObjectId> tracking(String name) {
    return clone == null ? Optional.empty() : clone.tracking(name);
  }

  /** Empty when {@code commit} and its tree read; else what is wrong (every object is read when deep). */
  Optional<String> check(ObjectId commit, boolean deep) {
    return local().check(commit, deep);
  }

  /** True when {@code older} is an ancestor of {@code newer}; false when {@code older} is not in the clone at all. */
  boolean isAncestor(ObjectId older, ObjectId newer) {
    try (RevWalk walk = new RevWalk(repository())) {
      return walk.isMergedInto(walk.parseCommit(older), walk.parseCommit(newer));
    } catch (MissingObjectException gone) {
      return false; // the old head is not in the (new) clone: the remote no longer has it
    } catch (IOException e) {
      throw new ReconcilerException("cannot compare " + older.name() + " with " + newer.name() + ": "
          + e.getMessage(), e);
    }
  }

  /** The remote's branches starting with {@code prefix}, as last fetched (none before the first clone). */
  Set<String> branches(String prefix) throws IOException {
    if (clone == null) {
      return Set.of();
    }
    Set<String> names = new TreeSet<>();
    for (Ref ref : clone.repository().getRefDatabase().getRefsByPrefix(LocalClone.TRACKING)) {
      String name = ref.getName().substring(LocalClone.TRACKING.length());
      if (name.startsWith(prefix) && !name.equals(Constants.HEAD)) {
        names.add(name);
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /** Records the remote's {@code name} branch at {@code id} (null: gone) after a push of the hub's. */
  void setTracking(String name, ObjectId id) {
    local().setTracking(name, id);
  }

  Repository repository() {
    return local().repository();
  }

  private LocalClone local() {
    if (clone == null) {
      throw new ReconcilerException("the config repository " + remote + " has not been fetched yet: fetch first");
    }
    return clone;
  }

  @Override
  public void close() {
    if (clone != null) {
      clone.close();
      clone = null;
    }
  }
}
