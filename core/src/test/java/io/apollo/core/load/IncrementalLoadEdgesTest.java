package io.apollo.core.load;

import static io.apollo.core.load.LoadComparison.assertSameLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.config.Origin;
import io.apollo.core.load.schema.SchemaValidator;
import io.apollo.core.load.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An incremental load beyond the single commit: the repository-wide byte cap crossed and left, refused entries, a
 * blob that cannot be read, a listing out of path order, how much is read again, and random commits over a small
 * repository where duplicates, broken documents and dangling references come and go.
 */
class IncrementalLoadEdgesTest {
  private static final ConfigLoader LOADER = ConfigLoader.withDefaults();

  @Test
  void crossingTheByteCapAndComingBackUnderItEqualsAFullLoad() {
    MemorySource tree = IncrementalLoadTest.base();
    long bytes = tree.list().files().stream().mapToLong(ConfigSource.Entry::size).sum();
    ConfigLoader capped = new ConfigLoader(SchemaValidator.bundled(), YamlLimits.defaults(), bytes + 40);
    IncrementalLoad incremental = new IncrementalLoad(capped);
    assertSameLoad(incremental.load(tree, Runnable::run), capped.load(tree), "under the cap");

    tree.put("a-first.yaml", Docs.product("com.example:big"));
    LoadResult over = incremental.load(tree, Runnable::run);
    assertSameLoad(over, capped.load(tree), "a file early in path order pushes the last ones over the cap");
    assertThat(over.unreadableFiles()).as("the cap was crossed").isNotEmpty();

    tree.edit("entities/staging.yaml", "replicas: 2", "replicas: 22222");
    assertSameLoad(incremental.load(tree, Runnable::run), capped.load(tree), "a file grows while over the cap");

    tree.remove("a-first.yaml");
    assertSameLoad(incremental.load(tree, Runnable::run), capped.load(tree), "back under the cap");
  }

  @Test
  void refusedEntriesAreReportedAsAFullLoadReportsThem() {
    MemorySource tree = IncrementalLoadTest.base();
    IncrementalLoad incremental = new IncrementalLoad(LOADER);
    incremental.load(tree, Runnable::run);
    ConfigSource refusing = withRefused(tree, "entities/link.yaml");

    LoadResult result = incremental.load(refusing, Runnable::run);

    assertSameLoad(result, LOADER.load(refusing), "a refused link");
    assertThat(result.unreadableFiles()).containsExactly("entities/link.yaml");
  }

  @Test
  void aBlobThatCannotBeReadLeavesTheLastLoadToBuildOn() {
    MemorySource tree = IncrementalLoadTest.base();
    IncrementalLoad incremental = new IncrementalLoad(LOADER);
    incremental.load(tree, Runnable::run);
    tree.edit("entities/staging.yaml", "replicas: 2", "replicas: 3");
    ConfigSource failing = new ConfigSource() {
      @Override
      public Listing list() {
        return tree.list();
      }

      @Override
      public byte[] read(Entry entry) {
        // Not an ApolloException, which the loader reports as an unreadable file: a store that failed.
        throw new IllegalStateException("the object database went away reading " + entry.path());
      }
    };

    assertThatThrownBy(() -> incremental.load(failing, Runnable::run)).isInstanceOf(IllegalStateException.class);

    assertSameLoad(incremental.load(tree, Runnable::run), LOADER.load(tree), "the same commit, readable again");
  }

  @Test
  void onlyTheChangedFileIsReadAgain() {
    MemorySource tree = IncrementalLoadTest.base();
    IncrementalLoad incremental = new IncrementalLoad(LOADER);
    incremental.load(tree, Runnable::run);
    int files = tree.list().files().size();
    assertThat(incremental.lastRead()).isEqualTo(files);
    tree.edit("entities/staging.yaml", "replicas: 2", "replicas: 3");
    tree.reads.set(0);

    incremental.load(tree, Runnable::run);

    assertThat(tree.reads.get()).isEqualTo(1);
    assertThat(incremental.lastRead()).isEqualTo(1);
    incremental.load(tree, Runnable::run);
    assertThat(incremental.lastRead()).as("the same tree again").isZero();
  }

  @Test
  void aListingOutOfPathOrderIsLoadedInFullInItsOwnOrder() {
    MemorySource tree = IncrementalLoadTest.base();
    IncrementalLoad incremental = new IncrementalLoad(LOADER);
    incremental.load(tree, Runnable::run);
    tree.put("entities/zz.yaml", Docs.entity("staging", "catalog", "com.example:catalog-service", "2.0.0", 7));
    List<ConfigSource.Entry> reversed = new ArrayList<>(tree.list().files());
    java.util.Collections.reverse(reversed);
    ConfigSource shuffled = listing(tree, new ConfigSource.Listing(reversed, List.of()));

    assertSameLoad(incremental.load(shuffled, Runnable::run), LOADER.load(shuffled), "reversed");
    assertSameLoad(incremental.load(tree, Runnable::run), LOADER.load(tree), "in order again");
  }

  @Test
  void randomCommitsOverASmallRepositoryEqualAFullLoad() {
    Random random = new Random(18);
    RandomRepository repo = new RandomRepository(random);
    IncrementalLoad incremental = new IncrementalLoad(LOADER);
    for (int commit = 0; commit < 300; commit++) {
      repo.commit();
      assertSameLoad(incremental.load(repo.tree(), Runnable::run), LOADER.load(repo.tree()),
          "random commit " + commit + " (" + repo.tree().paths() + ")");
    }
    assertThat(repo.problemsSeen(LOADER)).as("the random repository did have problems to compare").isTrue();
  }

  private static ConfigSource withRefused(MemorySource tree, String path) {
    ConfigSource.Listing listed = tree.list();
    return listing(tree, new ConfigSource.Listing(listed.files(), List.of(new Problem(Origin.of(path),
        ProblemReason.REFUSED, "symbolic link refused"))));
  }

  private static ConfigSource listing(MemorySource tree, ConfigSource.Listing listing) {
    return new ConfigSource() {
      @Override
      public Listing list() {
        return listing;
      }

      @Override
      public byte[] read(Entry entry) {
        return tree.read(entry);
      }
    };
  }
}
