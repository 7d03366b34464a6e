package io.apollo.reconciler.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The git CLI as tests run it: isolated from the machine's git configuration, failing the test with git's words. */
public final class GitCli {
  private GitCli() {}

  /**
   * Runs {@code git args...} in {@code dir} with no user configuration of the machine's own, and returns its
   * standard output; fails the test with git's standard error when git exits non-zero or takes over a minute.
   */
  public static String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(Arrays.asList(args));
    Result r = run(dir, command);
    if (r.exit() != 0) {
      fail("git " + String.join(" ", args) + " failed in " + dir + " (exit " + r.exit() + "):\n" + r.err() + r.out());
    }
    return r.out();
  }

  /** How a git command ended: its exit code and what it printed. */
  public record Result(int exit, String out, String err) {}

  /** Runs {@code command} in {@code dir} as {@link #git} does, returning how it ended instead of failing. */
  public static Result run(Path dir, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("LC_ALL", "C");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String out = readAll(process.getInputStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("git " + command + " took over a minute in " + dir);
      }
      return new Result(process.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String readAll(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the folders and regular files of {@code from} into {@code to}, keeping their relative paths. */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(file)) {
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
