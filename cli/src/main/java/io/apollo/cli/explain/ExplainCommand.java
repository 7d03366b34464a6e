package io.apollo.cli.explain;

import io.apollo.cli.ApolloCommand;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.plan.PlanOptions;
import io.apollo.cli.plan.PlanningSession;
import io.apollo.core.config.EntityId;
import io.apollo.core.explain.Explainer;
import io.apollo.core.explain.Explanation;
import io.apollo.core.explain.ExplanationText;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code apollo explain ENTITY}: why an entity has the plan it has, or none: its target and why, the releases passed
 * over, every constraint's verdict, the roles that must approve, and when it could next proceed. Exit 0, or 1 when
 * the entity is not in the repository, 2 on a usage error.
 */
@Command(
    name = "explain",
    description = "Explain, in words, why an entity has the plan it has (or none) at an instant.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo explain production/catalog-service --repo sample-repo \\",
        "      --reported docs/examples/sample-reported-state.json \\",
        "      --at 2026-12-05T03:00:00Z"})
public final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ENTITY", description = "The entity, as environment/name (e.g. production/catalog).")
  String entity;

  @Mixin PlanOptions options;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;


  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    EntityId id = EntityId.tryParse(entity).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "ENTITY '" + entity + "' is not an entity id; write it as environment/name, e.g. production/catalog"));
    PlanningSession session = PlanningSession.run(options.repo(spec), options.reported(spec), options.at(Clock.systemUTC()));
    Explanation explanation = Explainer.explain(id, session.result(), session.loaded().state(), session.reported());
    if (format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.write(ExplainJson.of(explanation)));
    } else {
      spec.commandLine().getOut().print(ExplanationText.render(explanation));
    }
    boolean known = session.loaded().state().entity(id).isPresent()
        || session.loaded().state().invalidEntities().contains(id);
    return known ? 0 : ApolloCommand.EXIT_INVALID;
  }
}
