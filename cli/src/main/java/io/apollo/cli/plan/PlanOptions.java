package io.apollo.cli.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code plan} and {@code explain} share. */
public final class PlanOptions {
  @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR",
      description = "The config repository folder (default: the current folder).")
  Path repo;

  @Option(names = "--reported", paramLabel = "FILE",
      description = "Reported state: JSON spoke report(s), as spokes post them. Default: nothing runs anywhere.")
  Path reported;

  @Option(names = "--at", paramLabel = "INSTANT", converter = Instants.class,
      description = "Plan as of this instant (RFC 3339, e.g. 2026-12-05T03:00:00Z). Default: now.")
  Instant at;

  /** The repository folder; a path that is not a folder is a usage error (exit 2). */
  public Path repo(CommandLine.Model.CommandSpec spec) {
    if (!Files.isDirectory(repo)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repo " + repo + " is not a folder; give the path of a config repository");
    }
    return repo;
  }

  /** The reported-state file, if given; one that is not a readable file is a usage error (exit 2). */
  public Optional<Path> reported(CommandLine.Model.CommandSpec spec) {
    if (reported != null && !Files.isRegularFile(reported)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--reported " + reported
          + ": no such file; give a JSON or YAML file of spoke reports (see docs/reported-state.md)");
    }
    return Optional.ofNullable(reported);
  }

  /** The instant asked for, or now: the CLI is the one place that reads the clock for the planner. */
  public Instant at(Clock clock) {
    return at != null ? at : clock.instant();
  }
}
