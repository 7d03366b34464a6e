package io.apollo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A config repository as a team has one, made with the git CLI: a bare "origin" holding one commit of the given
 * files, and a person's clone of it with their identity ({@code dev@example.com}).
 */
public record GitFixture(Path origin, Path work) {
  public static final String USER_EMAIL = "dev@example.com";
  public static final String USER_NAME = "Dev Eloper";

  /** An origin whose first commit holds a copy of sample-repo, and a clone of it. */
  public static GitFixture ofSampleRepo(Path temp) {
    Path seed = ProjectFiles.copySampleRepo(temp.resolve("seed"));
    return of(temp, seed);
  }

  /** An origin whose first commit holds the files of {@code seed}, and a clone of it. */
  public static GitFixture of(Path temp, Path seed) {
    git(seed, "init", "--quiet", "--initial-branch=main");
    identity(seed);
    git(seed, "add", "-A");
    git(seed, "commit", "--quiet", "-m", "The fleet's config");
    Path origin = temp.resolve("origin.git");
    git(temp, "clone", "--quiet", "--bare", seed.toString(), origin.toString());
    Path clone = temp.resolve("clone");
    git(temp, "clone", "--quiet", origin.toString(), clone.toString());
    identity(clone);
    return new GitFixture(origin, clone);
  }

  private static void identity(Path repo) {
    git(repo, "config", "user.email", USER_EMAIL);
    git(repo, "config", "user.name", USER_NAME);
    git(repo, "config", "commit.gpgsign", "false");
  }

  /** {@code git log -1 --format=FORMAT REF} in the origin. */
  public String originLog(String ref, String format) {
    return git(origin, "log", "-1", "--format=" + format, ref);
  }

  /** The files the commit at {@code ref} of the origin changed, one per line. */
  public List<String> originFilesChanged(String ref) {
    return git(origin, "diff-tree", "--no-commit-id", "--name-only", "-r", "-m", "--first-parent", ref).lines()
        .toList();
  }

  /** A file's text at {@code ref} in the origin. */
  public String originFile(String ref, String path) {
    return git(origin, "show", ref + ":" + path);
  }

  public String originHead() {
    return git(origin, "rev-parse", "main");
  }

  /** Runs git in {@code dir} and returns its output; a failure fails the test with git's words. */
  public static String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed in " + dir + ":\n" + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
