package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeCommitter;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.cli.repo.RepoOption;
import io.apollo.core.approval.AccreditationRouter;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.Product;
import io.apollo.core.config.Release;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanFile;
import io.apollo.core.plan.PlanIds;
import io.apollo.core.plan.PlanReason;
import io.apollo.core.plan.PlanState;
import io.apollo.core.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code apollo plan create --entity E --type rollback --target-version V}: a manual plan, written as the hub
 * writes plans (core's PlanFile) and put where the hub puts them: proposed on {@code apollo/plan/<id>} when the
 * approval policies require roles, else committed on main (approved). The version it moves from is
 * {@code --from-version}, or what the hub says runs, or left out. Exit 0, 1 refused, 2 usage.
 */
@Command(
    name = "create",
    description = "Propose a manual plan (e.g. a rollback) through the same git flow as the hub's plans.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo plan create --entity production/catalog-service --type rollback \\",
        "      --target-version 2.0.0"})
public final class PlanCreateCommand implements Callable<Integer> {
  @Option(names = "--entity", required = true, paramLabel = "ENTITY_ID", description = "environment/name.")
  String entity;

  @Option(names = "--type", required = true, paramLabel = "TYPE",
      description = "rollback, upgrade, install, config_update or uninstall.")
  String type;

  @Option(names = "--target-version", paramLabel = "VERSION", description = "The release to move to (not for uninstall).")
  String targetVersion;

  @Option(names = "--from-version", paramLabel = "VERSION", description = "The version running now (default: the hub's word).")
  String fromVersion;

  @Mixin HubOption hub;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    EntityId id = EntityId.tryParse(entity).orElseThrow(() -> usage("--entity '" + entity
        + "' is not an entity id; write it as environment/name"));
    PlanType planType = PlanType.fromWireName(type).orElseThrow(() -> usage("--type '" + type
        + "' is not a plan type; use rollback, upgrade, install, config_update or uninstall"));
    Optional<Version> to = Optional.ofNullable(targetVersion).map(v -> version("--target-version", v));
    if (to.isPresent() == (planType == PlanType.UNINSTALL)) {
      throw usage(planType == PlanType.UNINSTALL ? "an uninstall has no --target-version"
          : "--target-version is required for a " + planType.wireName() + " plan");
    }
    ConfigRepo config = repo.open(spec.commandLine().getErr());
    ConfigRepo.Snapshot head = config.snapshot();
    DesiredState state = head.state();
    Entity found = state.entity(id).orElseThrow(() -> new CliException("no entity " + id
        + " in the repository; apollo entity list shows them"));
    to.ifPresent(v -> requireDeployable(state, found, v));
    Optional<Version> from = Optional.ofNullable(fromVersion).map(v -> version("--from-version", v))
        .or(() -> running(id));
    if (planType == PlanType.ROLLBACK && from.isPresent() && to.isPresent() && !to.get().isOlderThan(from.get())) {
      throw new CliException("a rollback goes to an older version: " + to.get() + " is not older than " + from.get()
          + ", which runs now");
    }
    Product product = state.product(found.product()).orElseThrow();
    Set<String> roles = new AccreditationRouter(state.approvalPolicies())
        .requiredRoles(id.environment(), planType, product.criticality());
    String configDigest = planType == PlanType.UNINSTALL ? "" : found.configDigest();
    String planId = PlanIds.of(id, planType, from, to, configDigest);
    Plan plan = new Plan(planId, id, found.product(), found.spoke(), planType, from, to, configDigest,
        roles.isEmpty() ? PlanState.APPROVED : PlanState.PENDING, List.of(), roles, roles, PlanReason.PIN_CHANGED,
        "manual " + planType.wireName() + " requested with apollo plan create", Optional.empty());
    String message = "Plan " + planId + ": " + planType.wireName() + " " + id + " " + from.map(Object::toString)
        .orElse("-") + " -> " + to.map(Object::toString).orElse("-") + "\n\nA manual plan, made with apollo plan"
        + " create.";
    Change change = Change.write(message, Map.of(PlanFile.path(plan), PlanFile.render(plan,
        Optional.of(head.commit()))), "plan/" + planId);
    ChangeCommitter committer = new ChangeCommitter(config);
    Outcome outcome = roles.isEmpty() ? committer.commit(change)
        : committer.propose(change, Optional.of(PlanFile.branch(plan)));
    if (format == OutputFormat.JSON) {
      var node = outcome.addTo(Json.object().put("plan", planId).put("state", plan.state().name()));
      var list = node.putArray("requiredRoles");
      roles.forEach(list::add);
      spec.commandLine().getOut().println(Json.write(node));
    } else {
      spec.commandLine().getOut().print("Plan " + planId + ": " + planType.wireName() + " " + id + " "
          + from.map(Object::toString).orElse("-") + " -> " + to.map(Object::toString).orElse("-") + "\n"
          + outcome.describe(message) + (roles.isEmpty() ? "It needs no approval: the hub dispatches it.\n"
              : "It needs approval by " + String.join(", ", roles) + ": apollo plan approve " + planId
                  + " --by EMAIL\n"));
    }
    return 0;
  }

  private void requireDeployable(DesiredState state, Entity found, Version version) {
    Release release = state.release(found.product(), version).orElseThrow(() -> new CliException("no release "
        + found.product() + ":" + version + "; apollo release list " + found.product() + " shows them"));
    release.recalled().ifPresent(r -> {
      throw new CliException(found.product() + ":" + version + " is recalled (" + r.reason() + "); choose another"
          + " release");
    });
  }

  private Optional<Version> running(EntityId id) {
    return hub.client().flatMap(c -> c.get("/v1/entities/" + id.environment() + "/" + id.name(), Map.of()))
        .map(live -> live.path("runningVersion").asString(""))
        .filter(v -> !v.isBlank())
        .flatMap(Version::tryParse);
  }

  private Version version(String option, String text) {
    return Version.tryParse(text).orElseThrow(() -> usage(option + " '" + text + "' is not an SLS version"));
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
