package io.apollo.spoke.operator.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one helm command for the operator: the binary of the settings, this spoke's own HELM_CONFIG_HOME,
 * HELM_CACHE_HOME and HELM_DATA_HOME (created on first use), KUBECONFIG when one is set, a time limit, and a log
 * line before and after with every secret redacted.
 */
final class HelmCli {
  private static final Logger LOG = LoggerFactory.getLogger(HelmCli.class);

  private final CommandRunner runner;
  private final HelmSettings settings;

  HelmCli(CommandRunner runner, HelmSettings settings) {
    this.runner = runner;
    this.settings = settings;
  }

  Run run(List<String> args, Duration limit, Redactor redactor) {
    List<String> command = new ArrayList<>();
    command.add(settings.helm().toString());
    command.addAll(args);
    String what = "helm " + args.getFirst();
    LOG.info("running {}", String.join(" ", redactor.redact(command)));
    CommandRunner.Result result = runner.run(new CommandRunner.Invocation(command, environment(), limit));
    Run run = new Run(what, result, limit, redactor);
    if (run.succeeded()) {
      LOG.info("{} succeeded", what);
    } else {
      LOG.warn("{} failed ({}): {}", what, run.reason(), run.message());
    }
    return run;
  }

  private Map<String, String> environment() {
    Path home = settings.helmHome();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HELM_CONFIG_HOME", ensure(home.resolve("config")).toString());
    env.put("HELM_CACHE_HOME", ensure(home.resolve("cache")).toString());
    env.put("HELM_DATA_HOME", ensure(home.resolve("data")).toString());
    settings.kubeconfig().ifPresent(k -> env.put("KUBECONFIG", k.toString()));
    return env;
  }

  private static Path ensure(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create helm's folder " + dir, e);
    }
  }

  /** How one helm command ended, with helm's own words for a failure, secrets taken out. */
  record Run(String what, CommandRunner.Result result, Duration limit, Redactor redactor) {

    boolean succeeded() {
      return result.succeeded();
    }

    String stdout() {
      return result.stdout();
    }

    /** The machine reason of a failure: {@code timed_out}, {@code helm_not_runnable} or {@code helm_failed}. */
    String reason() {
      if (result.timedOut()) {
        return "timed_out";
      }
      return result.startFailure().isEmpty() ? "helm_failed" : "helm_not_runnable";
    }

    /** For a person: helm's first error line, or why helm did not run or was stopped. */
    String message() {
      if (result.timedOut()) {
        return what + " timed out after " + human(limit) + " and was stopped";
      }
      if (!result.startFailure().isEmpty()) {
        return redactor.redact(result.startFailure());
      }
      return redactor.redact(firstErrorLine(result.stderr())
          .orElse(what + " exited with code " + result.exitCode() + " and said nothing on stderr"));
    }

    /** True when helm said the release does not exist. */
    boolean releaseNotFound() {
      return !succeeded() && result.stderr().toLowerCase(Locale.ROOT).contains("not found");
    }
  }

  /**
   * helm's own error: the text after the first {@code Error: }; else the first stderr line that is not a warning
   * (helm 4 logs {@code level=WARN ...} lines first).
   */
  static Optional<String> firstErrorLine(String stderr) {
    List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.stream().filter(l -> l.startsWith("Error: ")).map(l -> l.substring("Error: ".length())).findFirst()
        .or(() -> lines.stream().filter(l -> !l.startsWith("level=") && !l.startsWith("WARNING:")).findFirst());
  }

  static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
