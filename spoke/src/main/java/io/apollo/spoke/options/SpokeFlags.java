package io.apollo.spoke.options;

import io.apollo.spoke.SpokeException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The command-line flags of a spoke, as a picocli mixin: {@code apollo spoke} (cli) and
 * {@link io.apollo.spoke.SpokeMain} both use it, so the flags are declared in this one place and turned into
 * {@link SpokeOptions} by {@link #toOptions}.
 */
public final class SpokeFlags {
  @Option(names = "--name", required = true, paramLabel = "NAME",
      description = "This spoke's name, as the environment in the config repository names it.")
  String name;

  @Option(names = "--hub", required = true, paramLabel = "URL",
      description = "The hub's base URL, e.g. http://hub.example:8080.")
  String hub;

  @Option(names = "--token-file", required = true, paramLabel = "FILE",
      description = "A file holding the bearer token this spoke shares with the hub (one line).")
  Path tokenFile;

  @Option(names = "--port", defaultValue = "8081", paramLabel = "PORT",
      description = "The port of the plan endpoint (default ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "The address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--work-dir", required = true, paramLabel = "DIR",
      description = "Where the journal and the installed services live; created when missing.")
  Path workDir;

  @Option(names = "--mode", defaultValue = "push", paramLabel = "push|poll",
      description = "push: the hub calls this spoke; poll: this spoke long-polls the hub (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--report-interval", defaultValue = "10s", paramLabel = "DURATION",
      description = "Report the full state at least this often (default ${DEFAULT-VALUE}).")
  String reportInterval;

  @Option(names = "--health-interval", defaultValue = "5s", paramLabel = "DURATION",
      description = "Check every entity's health this often (default ${DEFAULT-VALUE}).")
  String healthInterval;

  @Option(names = "--poll-wait", defaultValue = "30s", paramLabel = "DURATION",
      description = "In poll mode, how long each poll asks the hub to hold the request (default ${DEFAULT-VALUE}).")
  String pollWait;

  @Option(names = "--helm", paramLabel = "PATH",
      description = "The helm binary for helm-chart products (default: helm from PATH).")
  Path helm;

  /** Checks the flags and builds the options; throws {@link SpokeException} naming the flag. */
  public SpokeOptions toOptions() {
    Mode m = Mode.fromWireName(mode).orElseThrow(() -> new SpokeException(
        "--mode: '" + mode + "' is not a mode; give push or poll"));
    URI hubUri;
    try {
      hubUri = URI.create(hub);
    } catch (IllegalArgumentException e) {
      throw new SpokeException("--hub: '" + hub + "' is not a URL: " + e.getMessage());
    }
    return new SpokeOptions(name, hubUri, tokenFile, bind, port, workDir, m,
        Durations.parse("--report-interval", reportInterval),
        Durations.parse("--health-interval", healthInterval),
        Durations.parse("--poll-wait", pollWait),
        Optional.ofNullable(helm));
  }
}
