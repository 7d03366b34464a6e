package io.apollo.spoke.options;

import io.apollo.spoke.SpokeException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a spoke is started with, checked once here: the command line ({@link SpokeFlags}) and tests build it,
 * the agent only reads it. The token itself is not held here (only its file), so this record can be printed.
 *
 * @param name this spoke's name, as desired state and the hub's token file spell it
 * @param hub the hub's base URL (reports go to {@code {hub}/v1/spokes/{name}/reports})
 * @param tokenFile the file holding the bearer token shared with the hub
 * @param bind the address the plan endpoint listens on
 * @param port the port it listens on; 0 picks a free one
 * @param workDir where the journal and the operators' files live
 * @param mode push (the hub calls this spoke) or poll (this spoke calls the hub)
 * @param reportInterval how often the full state is reported even when nothing changed
 * @param healthInterval how often every entity's health is checked
 * @param pollWait how long one long poll asks the hub to wait for a plan
 * @param helm the helm binary to use; empty means {@code helm} from PATH
 */
public record SpokeOptions(
    String name,
    URI hub,
    Path tokenFile,
    String bind,
    int port,
    Path workDir,
    Mode mode,
    Duration reportInterval,
    Duration healthInterval,
    Duration pollWait,
    Optional<Path> helm) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** The largest plan body {@code POST /v1/plans} accepts (a plan carries its config: helm values can be large). */
  public static final long MAX_PLAN_BYTES = 1024 * 1024;

  public SpokeOptions {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new SpokeException("--name: '" + name + "' is not a spoke name; use letters, digits, '.', '_' or '-'");
    }
    Objects.requireNonNull(hub, "hub");
    if (!"http".equals(hub.getScheme()) && !"https".equals(hub.getScheme()) || hub.getHost() == null) {
      throw new SpokeException("--hub: '" + hub + "' is not an http(s) URL such as http://hub.example:8080");
    }
    Objects.requireNonNull(tokenFile, "tokenFile");
    Objects.requireNonNull(bind, "bind");
    if (port < 0 || port > 65535) {
      throw new SpokeException("--port: " + port + " is not a port; give 0 to 65535 (0 picks a free one)");
    }
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(mode, "mode");
    positive("--report-interval", reportInterval);
    positive("--health-interval", healthInterval);
    positive("--poll-wait", pollWait);
    Objects.requireNonNull(helm, "helm");
  }

  /** Options with the defaults of {@code apollo spoke} for everything but the required values. */
  public static SpokeOptions of(String name, URI hub, Path tokenFile, Path workDir) {
    return new SpokeOptions(name, hub, tokenFile, "127.0.0.1", 0, workDir, Mode.PUSH,
        Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30), Optional.empty());
  }

  public SpokeOptions withMode(Mode m) {
    return new SpokeOptions(name, hub, tokenFile, bind, port, workDir, m, reportInterval, healthInterval, pollWait,
        helm);
  }

  public SpokeOptions withIntervals(Duration report, Duration health, Duration poll) {
    return new SpokeOptions(name, hub, tokenFile, bind, port, workDir, mode, report, health, poll, helm);
  }

  public SpokeOptions withPort(int p) {
    return new SpokeOptions(name, hub, tokenFile, bind, p, workDir, mode, reportInterval, healthInterval, pollWait,
        helm);
  }

  /** The base URL without a trailing slash, for building the hub's endpoints. */
  public String hubBase() {
    String s = hub.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static void positive(String option, Duration d) {
    Objects.requireNonNull(d, option);
    if (d.isNegative() || d.isZero()) {
      throw new SpokeException(option + ": " + d + " must be longer than zero");
    }
  }
}
