package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The hub's bare clone on disk: opened when usable, made afresh when missing, moved aside and made afresh when
 * broken. Remote branches live as remote-tracking refs {@code refs/remotes/origin/*}; the clone has no working tree
 * and no local branches of its own. Not thread-safe: its owner serialises calls.
 */
final class LocalClone implements AutoCloseable {
  static final String TRACKING = "refs/remotes/origin/";

  private final Path dir;
  private Repository repository;

  private LocalClone(Path dir, Repository repository) {
    this.dir = dir;
    this.repository = repository;
  }

  /** Opens the clone in {@code dir} if it looks like a bare repository; empty when there is none or it is broken. */
  static Optional<LocalClone> openExisting(Path dir) {
    if (!looksLikeRepository(dir)) {
      return Optional.empty();
    }
    try {
      Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
      noBackgroundGc(repository);
      return Optional.of(new LocalClone(dir, repository));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Makes an empty bare repository in {@code dir} (which must not hold one). */
  static LocalClone create(Path dir) {
    try {
      Files.createDirectories(dir);
      Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
      repository.create(true);
      noBackgroundGc(repository);
      return new LocalClone(dir, repository);
    } catch (IOException | IllegalStateException e) {
      throw new ReconcilerException("cannot make the hub's git clone in " + dir + ": " + e.getMessage()
          + "; check that the data folder is writable", e);
    }
  }

  /**
   * Moves a broken clone out of the way to {@code <dir>.broken} (replacing an older one there), so it can be looked
   * at but never read from again.
   */
  static void moveAside(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    Path aside = dir.resolveSibling(dir.getFileName() + ".broken");
    try {
      deleteRecursively(aside);
      Files.move(dir, aside);
    } catch (IOException e) {
      try {
        deleteRecursively(dir);
      } catch (IOException second) {
        e.addSuppressed(second);
        throw new ReconcilerException("cannot move the broken git clone " + dir + " aside nor delete it: "
            + e.getMessage() + "; remove the folder by hand", e);
      }
    }
  }

  /**
   * Turns off JGit's automatic gc after fetches, and keeps any gc in the calling thread: a background gc writing
   * into the folder (its {@code gc.log.lock}) would race with moving a broken clone aside. The clone stays small
   * anyway (fetched packs, a few loose objects per hub commit).
   */
  private static void noBackgroundGc(Repository repository) throws IOException {
    StoredConfig config = repository.getConfig();
    if (config.getInt(ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTO, -1) != 0
        || config.getBoolean(ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTODETACH, true)) {
      config.setInt(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTO, 0);
      config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
      config.save();
    }
  }

  /**
   * Deletes the lock files a writer killed mid-update leaves ({@code refs/**}{@code .lock}, {@code packed-refs.lock},
   * {@code config.lock}, {@code HEAD.lock}). Call only when nothing else writes to the clone: the hub is its one
   * writer, and calls this under its lock. A stale lock would otherwise make every later fetch leave the
   * remote-tracking refs where they were, silently.
   */
  void clearStaleLocks() {
    try (var paths = Files.walk(dir.resolve("refs"))) {
      for (Path lock : paths.filter(p -> p.getFileName().toString().endsWith(".lock")).toList()) {
        Files.deleteIfExists(lock);
      }
      for (String name : new String[] {"packed-refs.lock", "config.lock", "HEAD.lock", "shallow.lock"}) {
        Files.deleteIfExists(dir.resolve(name));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ReconcilerException("cannot clear stale lock files in the hub's git clone " + dir + ": "
          + e.getMessage() + "; check the data folder's permissions", e);
    }
  }

  /** Deletes {@code dir} and everything in it, if it is there. */
  static void delete(Path dir) {
    try {
      deleteRecursively(dir);
    } catch (IOException e) {
      throw new ReconcilerException("cannot delete " + dir + ": " + e.getMessage() + "; remove it by hand", e);
    }
  }

  /** Moves a folder into a place that must be free (a missing folder, or an empty one). */
  static void moveInto(Path from, Path to) {
    try {
      Files.deleteIfExists(to);
      Files.move(from, to);
    } catch (IOException e) {
      throw new ReconcilerException("cannot move the fresh git clone " + from + " to " + to + ": " + e.getMessage()
          + "; check the data folder", e);
    }
  }

  /** True when {@code dir} exists and is not an empty folder. */
  static boolean holdsAnything(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      return Files.exists(dir);
    }
  }

  /** Git's own test for a repository folder: HEAD, objects/ and refs/ are there. */
  static boolean looksLikeRepository(Path dir) {
    return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))
        && Files.isDirectory(dir.resolve("refs"));
  }

  Repository repository() {
    return repository;
  }

  Path dir() {
    return dir;
  }

  /** The remote branch {@code branch} as last fetched. */
  Optional<ObjectId> tracking(String branch) {
    try {
      Ref ref = repository.exactRef(TRACKING + branch);
      return Optional.ofNullable(ref).map(Ref::getObjectId);
    } catch (IOException e) {
      throw new ReconcilerException("cannot read " + TRACKING + branch + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Records that the remote's {@code branch} is now {@code id} (after a push of ours), or deletes it (null). */
  void setTracking(String branch, ObjectId id) {
    try {
      RefUpdate update = repository.updateRef(TRACKING + branch);
      update.setForceUpdate(true);
      RefUpdate.Result result;
      if (id == null) {
        result = repository.exactRef(TRACKING + branch) == null ? RefUpdate.Result.NO_CHANGE : update.delete();
      } else {
        update.setNewObjectId(id);
        result = update.update();
      }
      if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
          || result == RefUpdate.Result.REJECTED) {
        throw new ReconcilerException("cannot update " + TRACKING + branch + " in " + dir + ": " + result);
      }
    } catch (IOException e) {
      throw new ReconcilerException("cannot update " + TRACKING + branch + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that {@code commit} and everything its tree names can be read: a clone with garbage in its objects fails
   * here rather than in the middle of a load. With {@code deep}, every blob's header is read too.
   *
   * @return empty when readable, else what is wrong, in words
   */
  Optional<String> check(ObjectId commit, boolean deep) {
    try (ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader);
        TreeWalk tree = new TreeWalk(reader)) {
      RevCommit parsed = walk.parseCommit(commit);
      tree.addTree(parsed.getTree());
      tree.setRecursive(deep);
      while (tree.next()) {
        if (deep) {
          reader.getObjectSize(tree.getObjectId(0), ObjectReader.OBJ_ANY);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("commit " + commit.name() + " cannot be read: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (repository != null) {
      repository.close();
      repository = null;
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
