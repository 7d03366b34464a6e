package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.ConfigSource;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.ParseCache;
import io.apollo.core.load.ProblemReason;
import io.apollo.core.load.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config repository read from git as the hub will read it: a bare repository on disk, made and pushed to with
 * the git CLI as a person would, read by commit from the object database with JGit.
 */
class GitCommitSourceIT {
  private static final ConfigLoader LOADER = ConfigLoader.withDefaults();
  private static final long MAX = YamlLimits.defaults().maxFileBytes();

  @TempDir Path temp;
  private Path bare;
  private Path work;

  @BeforeEach
  void pushSampleRepoToABareRepository() throws Exception {
    bare = temp.resolve("config.git");
    work = temp.resolve("work");
    git(temp, "init", "--bare", "-b", "main", bare.toString());
    git(temp, "clone", bare.toString(), work.toString());
    copy(sampleRepo(), work);
    commitAndPush("Add the shop's fleet");
  }

  @Test
  void aCommitLoadsAsTheSameFilesOnDiskDo() throws Exception {
    try (Repository repository = open()) {
      ObjectId main = GitCommitSource.resolve(repository, "refs/heads/main");

      LoadResult fromGit = LOADER.load(new GitCommitSource(repository, main, MAX));

      assertThat(fromGit.problems()).isEmpty();
      assertThat(fromGit.state()).isEqualTo(LOADER.load(sampleRepo()).state());
    }
  }

  @Test
  void eachCommitIsReadAsCommittedWhateverMainSaysNow() throws Exception {
    try (Repository repository = open()) {
      ObjectId first = GitCommitSource.resolve(repository, "refs/heads/main");
      Path production = work.resolve("entities/production.yaml");
      Files.writeString(production, Files.readString(production).replace("version: 1.3.1", "version: 9.9.9"));
      commitAndPush("Pin auth-service to a release that does not exist");
      ObjectId second = GitCommitSource.resolve(repository, "refs/heads/main");

      assertThat(LOADER.load(new GitCommitSource(repository, first, MAX)).problems()).isEmpty();
      assertThat(LOADER.load(new GitCommitSource(repository, second, MAX)).problems()).singleElement()
          .satisfies(p -> assertThat(p.toString()).startsWith("entities/production.yaml:")
              .contains("no release 9.9.9 of com.example:auth-service"));
    }
  }

  @Test
  void theNextCommitReparsesOnlyTheBlobsThatChanged() throws Exception {
    try (Repository repository = open()) {
      ParseCache cache = new ParseCache();
      CountingSource first = new CountingSource(
          new GitCommitSource(repository, GitCommitSource.resolve(repository, "refs/heads/main"), MAX));
      LOADER.load(first, Runnable::run, cache);
      Path staging = work.resolve("entities/staging.yaml");
      Files.writeString(staging, Files.readString(staging) + "\n# reviewed 2026-11-27\n");
      commitAndPush("Note the review");
      CountingSource second = new CountingSource(
          new GitCommitSource(repository, GitCommitSource.resolve(repository, "refs/heads/main"), MAX));

      LoadResult reloaded = LOADER.load(second, Runnable::run, cache);

      assertThat(first.reads.get()).isEqualTo(first.list().files().size());
      assertThat(second.reads.get()).as("only entities/staging.yaml changed").isEqualTo(1);
      assertThat(reloaded.problems()).isEmpty();
    }
  }

  /** Issue 7: folders kept by tree id list the next commit exactly as a fresh listing does, walking only what changed. */
  @Test
  void foldersListedBeforeAreReusedAndTheNextCommitListsAsAFreshListingDoes() throws Exception {
    try (Repository repository = open()) {
      TreeListings listings = new TreeListings();
      ObjectId first = GitCommitSource.resolve(repository, "refs/heads/main");
      ConfigSource.Listing before = new GitCommitSource(repository, first, MAX, listings).list();
      int folders = listings.size();
      Path staging = work.resolve("entities/staging.yaml");
      Files.writeString(staging, Files.readString(staging) + "\n# reviewed 2026-11-30\n");
      Files.createDirectories(work.resolve("entities/more"));
      Files.writeString(work.resolve("entities/more/extra.yaml"), "# nothing yet\n");
      Files.delete(work.resolve("entities/production.yaml"));
      commitAndPush("Change, add and remove files");
      ObjectId second = GitCommitSource.resolve(repository, "refs/heads/main");

      ConfigSource.Listing kept = new GitCommitSource(repository, second, MAX, listings).list();

      assertThat(kept).isEqualTo(new GitCommitSource(repository, second, MAX).list());
      assertThat(kept.files()).extracting(ConfigSource.Entry::path).contains("entities/more/extra.yaml")
          .doesNotContain("entities/production.yaml");
      assertThat(listings.size()).as("only the root, entities/ and entities/more/ are new")
          .isEqualTo(folders + 3);
      assertThat(new GitCommitSource(repository, first, MAX, listings).list()).isEqualTo(before);
    }
  }

  @Test
  void aCommittedSymlinkIsRefusedAndHiddenFoldersAreSkipped() throws Exception {
    Path outside = Files.writeString(temp.resolve("secret.yaml"), "apiVersion: apollo/v1\n");
    Files.createSymbolicLink(work.resolve("entities/linked.yaml"), outside);
    Files.createDirectories(work.resolve(".github"));
    Files.writeString(work.resolve(".github/ci.yaml"), "on: push\n");
    commitAndPush("Link a file from outside and add CI");

    try (Repository repository = open()) {
      GitCommitSource source =
          new GitCommitSource(repository, GitCommitSource.resolve(repository, "refs/heads/main"), MAX);
      LoadResult result = LOADER.load(source);

      assertThat(source.list().files()).noneMatch(f -> f.path().startsWith(".github/"));
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.path()).isEqualTo("entities/linked.yaml");
        assertThat(p.reason()).isEqualTo(ProblemReason.REFUSED);
        assertThat(p.message()).contains("symbolic link refused");
      });
      assertThat(result.state().entities()).hasSize(10);
    }
  }

  private Repository open() throws IOException {
    return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
  }

  private void commitAndPush(String message) throws Exception {
    git(work, "add", "-A");
    git(work, "-c", "user.name=Alice Nguyen", "-c", "user.email=alice.nguyen@example.com", "commit", "-q", "-m",
        message);
    git(work, "push", "-q", "origin", "HEAD:main");
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
  }

  private static Path sampleRepo() {
    return Path.of("..", "sample-repo").toAbsolutePath().normalize();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /** Counts blob reads, to see what a cache saved. */
  private static final class CountingSource implements io.apollo.core.load.ConfigSource {
    private final GitCommitSource delegate;
    final AtomicInteger reads = new AtomicInteger();

    CountingSource(GitCommitSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Listing list() {
      return delegate.list();
    }

    @Override
    public byte[] read(Entry entry) {
      reads.incrementAndGet();
      return delegate.read(entry);
    }
  }
}
