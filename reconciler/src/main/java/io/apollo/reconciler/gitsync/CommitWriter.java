package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Makes one commit of file writes on top of a parent, straight into the object database: the parent's tree read
 * into an in-memory index, the files laid over it, a new tree and commit written. No working tree, no checkout.
 */
final class CommitWriter {
  private CommitWriter() {}

  /**
   * The commit of {@code files} on {@code parent}, by {@code identity} as author and committer. Files whose content
   * is already there are left out; when none is left and {@code evenIfUnchanged} is false, returns empty.
   */
  static Optional<ObjectId> commit(Repository repository, ObjectId parent, List<FileWrite> files,
      GitSettings.Identity identity, String message, boolean evenIfUnchanged) {
    try (ObjectInserter inserter = repository.newObjectInserter();
        ObjectReader reader = inserter.newReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit base = walk.parseCommit(parent);
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base.getTree());
      builder.finish();

      DirCacheEditor editor = index.editor();
      boolean changed = false;
      for (FileWrite file : lastWriteWins(files).values()) {
        byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
        ObjectId blob = inserter.idFor(Constants.OBJ_BLOB, bytes);
        DirCacheEntry existing = index.getEntry(file.path());
        if (existing != null && existing.getObjectId().equals(blob)
            && existing.getFileMode() == FileMode.REGULAR_FILE) {
          continue;
        }
        ObjectId inserted = inserter.insert(Constants.OBJ_BLOB, bytes);
        editor.add(new DirCacheEditor.PathEdit(file.path()) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(inserted);
          }
        });
        changed = true;
      }
      if (!changed && !evenIfUnchanged) {
        return Optional.empty();
      }
      editor.finish();

      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setParentId(base);
      PersonIdent who = new PersonIdent(identity.name(), identity.email());
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message.endsWith("\n") ? message : message + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return Optional.of(id);
    } catch (IOException | RuntimeException e) {
      throw new ReconcilerException("cannot commit " + files.stream().map(FileWrite::path).toList() + " on "
          + parent.name() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, FileWrite> lastWriteWins(List<FileWrite> files) {
    Map<String, FileWrite> byPath = new LinkedHashMap<>();
    for (FileWrite file : files) {
      byPath.put(file.path(), file);
    }
    return byPath;
  }
}
