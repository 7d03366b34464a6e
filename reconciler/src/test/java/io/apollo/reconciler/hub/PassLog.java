package io.apollo.reconciler.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pass summaries of a hub's log, for {@link HubScaleBenchmark}: each pass ends with one line {@code Pass N (why)
 * on <commit>: ... in T ms (fetch 1.2 ms, list 30.4 ms, ...)}, which gives its breakdown by step.
 */
final class PassLog {
  private static final Pattern SUMMARY = Pattern.compile("Pass \\d+ \\(.*\\) on \\S+: .* in \\d+ ms \\((.*)\\)$");
  private static final Pattern PHASE = Pattern.compile("([a-z]+) ([0-9.]+) ms");

  private final Path file;

  PassLog(Path file) {
    this.file = file;
  }

  /** Where the log ends now: lines after it are newer. */
  long offset() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Does {@code action}, then waits for the summary of the next pass that ends after it. */
  String next(Runnable action) {
    long offset = offset();
    action.run();
    return passWith(offset, "");
  }

  /** The first pass summary after {@code offset} that holds {@code text}; waits up to 60 s for it. */
  String passWith(long offset, String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        byte[] all = Files.readAllBytes(file);
        String tail = new String(all, (int) Math.min(offset, all.length), all.length - (int) Math.min(offset,
            all.length), StandardCharsets.UTF_8);
        for (String line : tail.split("\n")) {
          if (SUMMARY.matcher(line).find() && line.contains(text)) {
            return line;
          }
        }
        Thread.sleep(5);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no pass summary holding '" + text + "' in " + file + " within 60 s");
  }

  /** The steps of a summary line and their durations in nanoseconds, in order. */
  static Map<String, Long> phases(String line) {
    Matcher m = SUMMARY.matcher(line);
    if (!m.find()) {
      throw new AssertionError("not a pass summary: " + line);
    }
    Map<String, Long> phases = new LinkedHashMap<>();
    Matcher p = PHASE.matcher(m.group(1));
    while (p.find()) {
      phases.merge(p.group(1), (long) (Double.parseDouble(p.group(2)) * 1e6), Long::sum);
    }
    return phases;
  }

  /** The whole pass of a summary line, in nanoseconds: the sum of its steps. */
  static long total(String line) {
    return phases(line).values().stream().mapToLong(Long::longValue).sum();
  }
}
