package io.apollo.spoke.operator.helm;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands as real processes. stdin is empty; stdout and stderr are read on virtual threads (each kept up to
 * {@link #MAX_OUTPUT_BYTES}, the rest read and dropped, so a chatty command never blocks on a full pipe). At the time
 * limit the process and its descendants get SIGTERM, then SIGKILL after {@link #KILL_GRACE}: nothing is left
 * running. Blocking: call it from a worker or virtual thread.
 */
public final class ProcessCommandRunner implements CommandRunner {
  static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
  static final Duration KILL_GRACE = Duration.ofSeconds(5);

  @Override
  public Result run(Invocation invocation) {
    ProcessBuilder builder = new ProcessBuilder(invocation.command())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(invocation.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return Result.notStarted("cannot start " + invocation.command().getFirst() + ": " + e.getMessage());
    }
    // Not try-with-resources: close() would wait for readers that a stray descendant holding a pipe keeps alive.
    ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Future<String> stdout = readers.submit(() -> drain(process.getInputStream()));
      Future<String> stderr = readers.submit(() -> drain(process.getErrorStream()));
      boolean exited = process.waitFor(invocation.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        stop(process);
        return Result.timedOut(output(stdout), output(stderr));
      }
      return Result.exited(process.exitValue(), output(stdout), output(stderr));
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return Result.timedOut("", "interrupted");
    } finally {
      readers.shutdown();
    }
  }

  /** SIGTERM to the process and its descendants, SIGKILL to whatever still runs after the grace period. */
  private static void stop(Process process) throws InterruptedException {
    var descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static String drain(InputStream in) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        int room = MAX_OUTPUT_BYTES - kept.size();
        if (room > 0) {
          kept.write(buffer, 0, Math.min(n, room));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kept.toString(StandardCharsets.UTF_8);
  }

  /** The output read so far; the readers end once the process and its descendants close the pipes. */
  private static String output(Future<String> reader) throws InterruptedException {
    try {
      return reader.get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      reader.cancel(true);
      return "";
    }
  }
}
