package io.apollo.reconciler.gitsync;

import static io.apollo.reconciler.testing.GitFixture.BOB;
import static io.apollo.reconciler.testing.GitFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.load.ConfigLoader;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to the hub's git side when things go wrong (issue 7, faults 2 to 4): history rewritten on the
 * remote, the remote gone and back, the hub's own clone deleted or corrupted.
 */
class GitFaultsIT {
  @TempDir Path temp;
  private GitFixture repo;
  private Path clone;
  private JGitConfigRepository hub;

  @BeforeEach
  void setUp() {
    repo = GitFixture.fromSampleRepo(temp);
    clone = repo.newFolder("hub").resolve("clone");
    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main", clone));
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  @Test
  void aForcePushIsDetectedFollowedAndNeverPushedBack() {
    repo.commitAndPush(BOB, "Note", Map.of("NOTES.md", "one\n"));
    String old = hub.fetch().head();
    String rewritten = repo.forcePush(MALLORY, 1, Map.of("NOTES.md", "two\n"), "Rewrite the note");

    FetchResult fetched = hub.fetch();

    assertThat(fetched.rewritten()).isTrue();
    assertThat(fetched.previousHead()).contains(old);
    assertThat(fetched.head()).isEqualTo(rewritten);
    String after = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n")), "Record p1");
    assertThat(repo.remoteLog("main", "%H")).startsWith(after, rewritten).doesNotContain(old);
    assertThat(hub.fetch().rewritten()).isFalse();
  }

  @Test
  void aPushAfterAnUnseenForcePushIsRedoneOnTheRewrittenHistory() {
    repo.commitAndPush(BOB, "Note", Map.of("NOTES.md", "one\n"));
    String old = hub.fetch().head();
    String rewritten = repo.forcePush(MALLORY, 1, Map.of("NOTES.md", "two\n"), "Rewrite the note");

    String after = hub.commitToBranch(List.of(new FileWrite("plans/staging/p1.yaml", "a: 1\n")), "Record p1");

    assertThat(repo.remoteLog("main", "%H %P").getFirst()).isEqualTo(after + " " + rewritten);
    assertThat(repo.remoteLog("main", "%H")).doesNotContain(old);
  }

  @Test
  void anUnreachableRemoteIsAClearErrorTheOldHeadStaysAndItRecoversWithoutARecone() throws IOException {
    String head = hub.fetch().head();
    Object cloneId = Files.readAttributes(clone, "unix:ino");
    GitFixture.Moved moved = repo.moveRemoteAway();

    assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("cannot fetch from " + repo.remote())
        .hasMessageContaining("still governing by commit " + head);
    assertThat(hub.head()).contains(head);
    assertThat(ConfigLoader.withDefaults().load(hub.source(head)).problems()).isEmpty();
    assertThatThrownBy(() -> hub.commitToBranch(List.of(new FileWrite("plans/x.yaml", "x\n")), "x"))
        .isInstanceOf(ReconcilerException.class).hasMessageContaining("cannot push to " + repo.remote());

    moved.restore();
    String pushed = repo.commitAndPush(BOB, "While the hub was away", Map.of("NOTES.md", "back\n"));
    FetchResult back = hub.fetch();

    assertThat(back.head()).isEqualTo(pushed);
    assertThat(back.recloned()).isFalse();
    assertThat(back.rewritten()).isFalse();
    assertThat(Files.readAttributes(clone, "unix:ino")).as("the same clone folder").isEqualTo(cloneId);
  }

  @Test
  void aDeletedCloneIsRemadeOnTheNextFetchAndSaysSo() throws IOException {
    String head = hub.fetch().head();
    deleteTree(clone);

    FetchResult fetched = hub.fetch();

    assertThat(fetched.recloned()).isTrue();
    assertThat(fetched.head()).isEqualTo(head);
    assertThat(fetched.changed()).isFalse();
    assertThat(ConfigLoader.withDefaults().load(hub.source(head)).problems()).isEmpty();
    assertThat(hub.fetch().recloned()).isFalse();
  }

  @Test
  void garbageInTheClonesObjectsFoundAtRestartIsMovedAsideAndRecloned() throws IOException {
    String head = hub.fetch().head();
    hub.close();
    try (Stream<Path> objects = Files.walk(clone.resolve("objects"))) {
      for (Path file : objects.filter(Files::isRegularFile).toList()) {
        file.toFile().setWritable(true);
        Files.writeString(file, "garbage, not a git object");
      }
    }
    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main", clone));
    assertThat(hub.head()).as("an unreadable clone is not governed by").isEmpty();

    FetchResult fetched = hub.fetch();

    assertThat(fetched.recloned()).isTrue();
    assertThat(fetched.head()).isEqualTo(head);
    assertThat(clone.resolveSibling("clone.broken")).isDirectory();
    assertThat(ConfigLoader.withDefaults().load(hub.source(head)).problems()).isEmpty();
  }

  @Test
  void aBrokenCloneIsKeptUntilTheRemoteAnswersAgain() throws IOException {
    String head = hub.fetch().head();
    hub.close();
    deleteTree(clone.resolve("refs"));
    GitFixture.Moved moved = repo.moveRemoteAway();
    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main", clone));

    assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("cannot fetch from")
        .hasMessageContaining("will be made again once the remote answers");
    assertThat(clone.resolve("objects")).as("nothing thrown away yet").isDirectory();
    assertThat(clone.resolveSibling("clone.new")).doesNotExist();

    moved.restore();
    FetchResult fetched = hub.fetch();
    assertThat(fetched.recloned()).isTrue();
    assertThat(fetched.head()).isEqualTo(head);
    assertThat(clone.resolveSibling("clone.broken").resolve("objects")).isDirectory();
  }

  @Test
  void missingRefsAreRecloned() throws IOException {
    String head = hub.fetch().head();
    deleteTree(clone.resolve("refs"));
    Files.deleteIfExists(clone.resolve("packed-refs"));

    FetchResult fetched = hub.fetch();

    assertThat(fetched.recloned()).isTrue();
    assertThat(fetched.head()).isEqualTo(head);
  }

  @Test
  void aRestartedHubGovernsByItsLastFetchWhileTheRemoteIsAway() {
    String head = hub.fetch().head();
    hub.close();
    GitFixture.Moved moved = repo.moveRemoteAway();

    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main", clone));

    assertThat(hub.head()).contains(head);
    assertThatThrownBy(hub::fetch).isInstanceOf(ReconcilerException.class);
    assertThat(ConfigLoader.withDefaults().load(hub.source(head)).problems()).isEmpty();
    moved.restore();
    assertThat(hub.fetch().recloned()).isFalse();
  }

  @Test
  void lockFilesLeftByAHubKilledMidFetchAreClearedAtTheNextStart() throws IOException {
    hub.fetch();
    hub.close();
    // What kill -9 in the middle of updating refs leaves behind.
    Files.writeString(clone.resolve("refs/remotes/origin/main.lock"), "");
    Files.writeString(clone.resolve("packed-refs.lock"), "");
    Files.writeString(clone.resolve("config.lock"), "");
    String pushed = repo.commitAndPush(BOB, "While the hub was down", Map.of("NOTES.md", "x\n"));

    hub = JGitConfigRepository.open(GitSettings.of(repo.remote().toString(), "main", clone));
    FetchResult fetched = hub.fetch();

    assertThat(fetched.head()).isEqualTo(pushed);
    assertThat(fetched.recloned()).isFalse();
    assertThat(clone.resolve("refs/remotes/origin/main.lock")).doesNotExist();
  }

  @Test
  void aFirstCloneIntoAnEmptyFolderIsNotARecone() throws IOException {
    Files.createDirectories(clone);

    assertThat(hub.fetch().recloned()).isFalse();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
