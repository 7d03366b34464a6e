package io.apollo.reconciler.gitsync;

import io.apollo.core.config.Origin;
import io.apollo.core.load.ConfigSource;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The config repository as one commit's tree, read from git's object database: no working tree, no checkout, so
 * what is loaded is exactly what was committed. Blob ids are git's, so a {@link io.apollo.core.load.ParseCache}
 * re-parses only files whose content changed between commits. Hidden folders and files are skipped as on disk;
 * symbolic links and submodules are refused; blobs over the size cap are refused without being read. Folders are
 * listed once per tree id when the source is given the repository's {@link TreeListings}.
 *
 * <p>Blocking (JGit I/O): never call it on an event loop. Safe to read from several threads: each read opens its
 * own object reader on the shared, thread-safe {@link Repository}.
 */
public final class GitCommitSource implements ConfigSource {
  private final Repository repository;
  private final ObjectId commit;
  private final long maxFileBytes;
  private final TreeListings listings;

  public GitCommitSource(Repository repository, ObjectId commit, long maxFileBytes) {
    this(repository, commit, maxFileBytes, new TreeListings());
  }

  /** @param listings folders listed before, by tree id, for a repository whose size cap is {@code maxFileBytes} */
  GitCommitSource(Repository repository, ObjectId commit, long maxFileBytes, TreeListings listings) {
    this.repository = repository;
    this.commit = commit.copy();
    this.maxFileBytes = maxFileBytes;
    this.listings = listings;
  }

  /** The commit a revision ({@code refs/heads/main}, {@code HEAD}, an id) names in {@code repository}. */
  public static ObjectId resolve(Repository repository, String revision) {
    try {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        throw new ReconcilerException("no commit '" + revision + "' in " + repository.getDirectory());
      }
      return id;
    } catch (IOException e) {
      throw new ReconcilerException("cannot resolve '" + revision + "' in " + repository.getDirectory(), e);
    }
  }

  public ObjectId commit() {
    return commit;
  }

  @Override
  public Listing list() {
    try (ObjectReader reader = repository.newObjectReader(); RevWalk commits = new RevWalk(reader)) {
      RevCommit parsed = commits.parseCommit(commit);
      TreeListings.Folder root = folder(reader, parsed.getTree(), "");
      return new Listing(root.files(), root.refused());
    } catch (IOException e) {
      throw new ReconcilerException("cannot list commit " + commit.name() + " of " + repository.getDirectory(), e);
    }
  }

  /** The listing of one folder and below it: kept by tree id, so a folder no commit changed is not walked again. */
  private TreeListings.Folder folder(ObjectReader reader, ObjectId treeId, String prefix) throws IOException {
    Optional<TreeListings.Folder> known = listings.get(prefix, treeId);
    if (known.isPresent()) {
      return known.get();
    }
    List<Entry> files = new ArrayList<>();
    List<Problem> refused = new ArrayList<>();
    try (TreeWalk tree = new TreeWalk(repository, reader)) {
      tree.addTree(treeId);
      tree.setRecursive(false);
      while (tree.next()) {
        String path = prefix + tree.getNameString();
        if (tree.getNameString().startsWith(".")) {
          continue;
        }
        FileMode mode = tree.getFileMode(0);
        if (tree.isSubtree()) {
          TreeListings.Folder below = folder(reader, tree.getObjectId(0), path + "/");
          files.addAll(below.files());
          refused.addAll(below.refused());
        } else if (mode == FileMode.SYMLINK && (isYaml(path) || !tree.getNameString().contains("."))) {
          // A link named like config, or like a folder: refuse it, as on disk, rather than skip it in silence.
          refused.add(refusal(path, "symbolic link refused: links are never followed; commit the files themselves"));
        } else if (isYaml(path)) {
          visitFile(reader, tree, path, files, refused);
        } else if (mode == FileMode.GITLINK) {
          refused.add(refusal(path, "a submodule: its content is not in this repository; copy the files in instead"));
        }
      }
    }
    TreeListings.Folder folder = new TreeListings.Folder(files, refused);
    listings.put(prefix, treeId, folder);
    return folder;
  }

  private void visitFile(ObjectReader reader, TreeWalk tree, String path, List<Entry> files,
      List<Problem> refused) throws IOException {
    ObjectId blob = tree.getObjectId(0);
    long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
    if (size > maxFileBytes) {
      refused.add(refusal(path, "file is " + size + " bytes; the limit is " + maxFileBytes
          + " bytes per file: split it into smaller files"));
      return;
    }
    files.add(new Entry(path, size, blob.name()));
  }

  @Override
  public byte[] read(Entry entry) {
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.open(ObjectId.fromString(entry.blobId()), Constants.OBJ_BLOB).getCachedBytes((int) maxFileBytes);
    } catch (IOException e) {
      throw new ReconcilerException("cannot read " + entry.path() + " (blob " + entry.blobId() + ") of commit "
          + commit.name() + ": " + e.getMessage(), e);
    }
  }

  private static boolean isYaml(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static Problem refusal(String path, String message) {
    return new Problem(Origin.of(path), ProblemReason.REFUSED, message);
  }
}
