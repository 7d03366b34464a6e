package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.core.plan.PlanIds;
import picocli.CommandLine;

/** A PLAN_ID argument: checked for shape (a usage error) and, when not found, an error that says where to look. */
final class PlanIdsArg {
  private PlanIdsArg() {}

  static void require(CommandLine.Model.CommandSpec spec, String id) {
    if (!PlanIds.isPlanId(id)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "PLAN_ID '" + id + "' is not a plan id: pl- and"
          + " 16 hex digits, as apollo plan list prints them");
    }
  }

  static CliException unknown(String id) {
    return new CliException("no plan " + id + " on main nor on a branch apollo/plan/" + id + " (fetched from the"
        + " remote); apollo plan list shows the plans git holds");
  }
}
