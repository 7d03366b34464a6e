package io.apollo.cli.spoke;

import io.apollo.core.ApolloException;
import io.apollo.spoke.SpokeException;
import io.apollo.spoke.SpokeMain;
import io.apollo.spoke.StandardOperators;
import io.apollo.spoke.options.SpokeFlags;
import io.apollo.spoke.options.SpokeOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code apollo spoke}: runs the spoke agent on this host until stopped (SIGTERM or Ctrl-C). The flags are the
 * spoke module's {@link SpokeFlags}; a wrong flag is a usage error (exit 2), a spoke that cannot start (no token
 * file, a port in use, a journal it cannot open) exits 1 with what to do.
 */
@Command(
    name = "spoke",
    mixinStandardHelpOptions = true,
    description = "Run a spoke agent: take plans from the hub (pushed to this spoke, or polled), run them, keep a "
        + "journal, report state and health to the hub. Prints 'apollo spoke: listening on URL' once it listens, "
        + "then one line per finished plan.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  apollo spoke --name edge-1 --hub http://hub.example:8080 \\",
        "      --token-file /etc/apollo/spoke.token --port 8081 --bind 0.0.0.0 \\",
        "      --work-dir /var/lib/apollo-spoke",
        "  apollo spoke --name edge-2 --hub https://hub.example --token-file ./token \\",
        "      --work-dir ./spoke --mode poll",
        "",
        "See docs/spoke.md: what a host needs, push vs poll, the journal's guarantees."})
public final class SpokeCommand implements Callable<Integer> {
  @Mixin SpokeFlags flags;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SpokeOptions options;
    try {
      options = flags.toOptions();
    } catch (SpokeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try {
      SpokeMain.serveUntilStopped(options, StandardOperators::of, spec.commandLine().getOut());
    } catch (SpokeException e) {
      throw new ApolloException("spoke " + options.name() + " cannot start: " + e.getMessage(), e);
    }
    return 0;
  }
}
