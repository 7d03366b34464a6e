package io.apollo.cli.plan;

import io.apollo.cli.output.OutputOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code apollo plan preview}: the plans the hub would make for a config repository at an instant, offline. Exit 0
 * when the repository is valid, 1 when it has problems (they go to stderr; valid parts are still planned, broken
 * entities are left alone, as the hub would), 2 on a usage error.
 */
@Command(
    name = "preview",
    description = "Show the plans the hub would make at an instant, with every blocking reason and required role.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo plan preview --repo sample-repo \\",
        "      --reported docs/examples/sample-reported-state.json \\",
        "      --at 2026-12-05T03:00:00Z"})
public final class PlanPreviewCommand implements Callable<Integer> {
  @Mixin PlanOptions options;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return PlanCommand.preview(spec, options, output);
  }
}
