package io.apollo.reconciler.testing;

import static io.apollo.reconciler.testing.GitCli.copyTree;
import static io.apollo.reconciler.testing.GitCli.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prepared repositories for {@link GitFixture}: the first fixture made from a folder's content builds a bare
 * repository and a working copy with the git CLI; later ones copy them (the same commit ids), which keeps tests fast.
 * Each lives in a temp folder deleted when the JVM exits.
 */
final class RepoTemplates {
  private RepoTemplates() {}

  /** The template folder (holding {@code remote.git} and {@code person}) for {@code folder}'s current content. */
  static Path of(Path folder) {
    return TEMPLATES.computeIfAbsent(contentKey(folder), key -> buildTemplate(folder));
  }

  /** Prepared repositories by the content of the folder they were made from (a folder may change between uses). */
  private static final Map<String, Path> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

  private static String contentKey(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path buildTemplate(Path folder) {
    try {
      Path temp = Files.createTempDirectory("apollo-git-fixture-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(temp)));
      Path remote = temp.resolve("remote.git");
      Path work = temp.resolve("person");
      git(temp, "init", "-q", "--bare", "-b", "main", remote.toString());
      git(temp, "clone", "-q", remote.toString(), work.toString());
      git(work, "symbolic-ref", "HEAD", "refs/heads/main");
      copyTree(folder, work);
      git(work, "add", "-A");
      GitFixture.ALICE.git(work, "commit", "-q", "-m", "Add the fleet's desired state");
      git(work, "push", "-q", "origin", "HEAD:main");
      git(work, "fetch", "-q", "origin");
      return temp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // best effort at exit; the folder is in the system temp folder
    }
  }
}
