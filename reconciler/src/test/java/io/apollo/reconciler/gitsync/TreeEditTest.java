package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TreeEdit} makes exactly the tree that laying the files over the whole tree in an index makes (what commits
 * did before issue 7), reading only the trees on the written paths.
 */
class TreeEditTest {
  @TempDir Path temp;
  private Repository repository;
  private ObjectId base;

  @BeforeEach
  void aRepositoryWithFoldersAndFiles() throws Exception {
    repository = FileRepositoryBuilder.create(temp.resolve("repo.git").toFile());
    repository.create(true);
    base = wholeIndex(null, files("entities/staging/web.yaml", "a", "entities/staging/db.yaml", "b",
        "entities/prod/web.yaml", "c", "entities.yaml", "d", "entities-x/z.yaml", "e", "plans/staging/pl-1.yaml",
        "f", "README", "g"));
  }

  @AfterEach
  void close() {
    repository.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a new file in an existing folder", files("plans/staging/pl-2.yaml", "new")),
        Arguments.of("a new file in a new folder", files("plans/production-01/pl-3.yaml", "new")),
        Arguments.of("a file changed", files("entities/staging/web.yaml", "changed")),
        Arguments.of("a file at the top", files("zzz.yaml", "top")),
        Arguments.of("names that sort around a folder's", files("entities.a", "1", "entities0/x.yaml", "2",
            "entities/staging.yaml", "3")),
        Arguments.of("several files in several folders", files("plans/staging/pl-4.yaml", "4",
            "plans/production/pl-5.yaml", "5", "entities/prod/web.yaml", "c2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void makesTheSameTreeAsAWholeIndex(String name, Map<String, String> writes) throws Exception {
    try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
      Optional<ObjectId> edited = TreeEdit.write(reader, inserter, base, blobs(inserter, writes));
      inserter.flush();
      assertThat(edited).contains(wholeIndex(base, writes));
    }
  }

  @Test
  void filesAlreadyThereWithTheirContentChangeNothing() throws Exception {
    try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
      assertThat(TreeEdit.write(reader, inserter, base, blobs(inserter, files("entities/prod/web.yaml", "c",
          "README", "g")))).isEmpty();
    }
  }

  @Test
  void pathsThroughFilesOrFoldersOrOutOfTheTreeAreRefused() throws Exception {
    try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
      for (String path : List.of("README/x.yaml", "entities", "plans/../x.yaml", "plans//x.yaml", ".git/config")) {
        assertThatThrownBy(() -> TreeEdit.write(reader, inserter, base, blobs(inserter, files(path, "x"))))
            .as(path).isInstanceOf(ReconcilerException.class).hasMessageContaining(path.split("/")[0]);
      }
    }
  }

  private static Map<String, String> files(String... pathThenContent) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathThenContent.length; i += 2) {
      files.put(pathThenContent[i], pathThenContent[i + 1]);
    }
    return files;
  }

  private static Map<String, ObjectId> blobs(ObjectInserter inserter, Map<String, String> files) throws Exception {
    Map<String, ObjectId> blobs = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      blobs.put(f.getKey(), inserter.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    return blobs;
  }

  /** The tree of {@code tree} (or none) with {@code files} laid over it in an in-memory index. */
  private ObjectId wholeIndex(ObjectId tree, Map<String, String> files) throws Exception {
    try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      if (tree != null) {
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, tree);
      }
      builder.finish();
      DirCacheEditor editor = index.editor();
      for (Map.Entry<String, ObjectId> blob : blobs(inserter, files).entrySet()) {
        editor.add(new DirCacheEditor.PathEdit(blob.getKey()) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(blob.getValue());
          }
        });
      }
      editor.finish();
      ObjectId id = index.writeTree(inserter);
      inserter.flush();
      return id;
    }
  }
}
