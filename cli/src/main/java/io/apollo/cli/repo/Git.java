package io.apollo.cli.repo;

import io.apollo.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The git CLI, run in one folder as the person would run it: their config, identity, credentials and signing apply.
 * Every call has a time limit (a push may wait on the network) and never reads from the terminal, so a command
 * never hangs on a password prompt: credentials must come from git's helpers.
 */
public final class Git {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path dir;

  public Git(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  public Path dir() {
    return dir;
  }

  /** What one git command answered. */
  public record Result(int exitCode, String out, String err) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs git and returns its standard output, trimmed; a non-zero exit is a {@link CliException} with git's words. */
  public String run(String... args) {
    return run(Map.of(), null, args);
  }

  public String run(Map<String, String> env, String input, String... args) {
    Result result = tryRun(env, input, args);
    if (!result.ok()) {
      throw new CliException("git " + String.join(" ", args) + " failed in " + dir + ": "
          + (result.err().isBlank() ? result.out() : result.err()).strip());
    }
    return result.out().strip();
  }

  public Result tryRun(String... args) {
    return tryRun(Map.of(), null, args);
  }

  /** Runs git with extra environment variables and, when {@code input} is not null, that text on its stdin. */
  public Result tryRun(Map<String, String> env, String input, String... args) {
    List<String> command = new ArrayList<>(args.length + 1);
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
      try (var stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new CliException("git " + String.join(" ", args) + " took more than " + TIMEOUT_SECONDS
            + " s in " + dir + "; check the network and git's credentials, then try again");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new CliException("cannot run git (" + e.getMessage() + "); install git and put it on the PATH", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while git " + args[0] + " ran", e);
    }
  }

  private static String drain(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
