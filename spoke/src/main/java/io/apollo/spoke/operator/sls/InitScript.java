package io.apollo.spoke.operator.sls;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a distribution's {@code service/bin/init.sh} with a time limit, from the distribution's root. A script that
 * overruns is killed with every process it started (its process tree), so a hung script never holds a plan or leaves
 * half a service behind. Its output goes to a file, never a pipe: a daemon that keeps the script's stdout open could
 * otherwise hold the reader forever. {@code start} and {@code stop} outputs are appended to {@code var/log/init.log}.
 */
final class InitScript {
  private static final int OUTPUT_TAIL_CHARS = 2000;
  private static final File NO_INPUT = new File("/dev/null");

  /** The init.sh commands of the SLS spec. */
  enum Command {
    /** Starts the service in the background; returns once it is launched. */
    START,
    /** Stops the service; succeeds when it was not running. */
    STOP,
    /** 0 running, 1 dead with a pidfile left, 3 not running. */
    STATUS,
    /** 0 healthy, anything else not. */
    CHECK;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How one run ended: the exit code and the end of what the script printed. */
  record Outcome(Command command, int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private final Duration initTimeout;
  private final Duration probeTimeout;

  InitScript(Duration initTimeout, Duration probeTimeout) {
    this.initTimeout = initTimeout;
    this.probeTimeout = probeTimeout;
  }

  /**
   * Runs {@code init.sh <command>} in {@code distRoot}. Throws {@link SlsFailure} when the script is missing, cannot
   * be started, or overruns its limit; any exit code is an {@link Outcome} for the caller to judge.
   */
  Outcome run(Path distRoot, Command command) {
    Path script = distRoot.resolve("service/bin/init.sh");
    if (!Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS)) {
      throw new SlsFailure(SlsReason.INIT_SCRIPT_FAILED, "the distribution has no service/bin/init.sh at " + script);
    }
    Duration limit = command == Command.START || command == Command.STOP ? initTimeout : probeTimeout;
    Path out = null;
    Process process = null;
    try {
      Path logs = Files.createDirectories(distRoot.resolve("var/log"));
      out = Files.createTempFile(logs, "init-" + command.word() + "-", ".out");
      process = new ProcessBuilder(script.toString(), command.word())
          .directory(distRoot.toFile())
          .redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .redirectInput(NO_INPUT)
          .start();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        int killed = killTree(process);
        throw new SlsFailure(SlsReason.INIT_SCRIPT_FAILED, "init.sh " + command.word() + " did not finish within "
            + limit.toMillis() + " ms; killed it and " + killed + " process(es) it started. Its output: "
            + tail(out));
      }
      Outcome outcome = new Outcome(command, process.exitValue(), tail(out));
      if (command == Command.START || command == Command.STOP) {
        journal(logs, outcome);
      }
      return outcome;
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.INIT_SCRIPT_FAILED, "could not run " + script + " " + command.word() + ": " + e
          + (Files.isExecutable(script) ? "" : " (the script is not executable: set its mode to 0755 in the archive)"),
          e);
    } catch (InterruptedException e) {
      // The spoke is stopping: leave no half-run script behind.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SlsFailure(SlsReason.INIT_SCRIPT_FAILED, "interrupted while running init.sh " + command.word(), e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // A leftover output file in var/log is harmless and goes with the version's folder.
        }
      }
    }
  }

  /** Kills the script and everything below it, children first so none is re-parented out of reach. */
  private static int killTree(Process process) throws InterruptedException {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.toHandle().destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(5, TimeUnit.SECONDS);
    for (ProcessHandle d : descendants) {
      d.onExit().completeOnTimeout(d, 5, TimeUnit.SECONDS).join();
    }
    return descendants.size();
  }

  private static String tail(Path out) throws IOException {
    String text = Files.readString(out, StandardCharsets.UTF_8).strip();
    return text.length() <= OUTPUT_TAIL_CHARS ? text : "..." + text.substring(text.length() - OUTPUT_TAIL_CHARS);
  }

  private static void journal(Path logs, Outcome outcome) throws IOException {
    String line = Instant.now() + " init.sh " + outcome.command().word() + " exited " + outcome.exitCode()
        + (outcome.output().isEmpty() ? "" : ": " + outcome.output()) + "\n";
    Files.writeString(logs.resolve("init.log"), line, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
