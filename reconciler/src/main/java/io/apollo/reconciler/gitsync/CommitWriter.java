package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Makes one commit of file writes on top of a parent, straight into the object database: the trees on the written
 * paths rewritten ({@link TreeEdit}), a new commit written. No working tree, no checkout.
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
      Map<String, ObjectId> blobs = new LinkedHashMap<>();
      for (FileWrite file : lastWriteWins(files).values()) {
        blobs.put(file.path(), inserter.insert(Constants.OBJ_BLOB, file.content().getBytes(StandardCharsets.UTF_8)));
      }
      // Only the trees on the written paths are read and written again (issue 7: a 13,000-file repository).
      Optional<ObjectId> tree = TreeEdit.write(reader, inserter, base.getTree(), blobs);
      if (tree.isEmpty() && !evenIfUnchanged) {
        return Optional.empty();
      }

      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree.orElse(base.getTree()));
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
