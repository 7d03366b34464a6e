package io.apollo.cli.validate;

import io.apollo.cli.ApolloCommand;
import io.apollo.cli.Workers;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.core.config.DesiredState;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.FileTreeSource;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.Problem;
import io.apollo.core.load.yaml.YamlLimits;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code apollo validate [DIR]}: loads a config repository and prints every problem, one {@code path:line:col:
 * message} line each, on stdout; a one-line summary goes to stderr. Exit 0 valid, 1 invalid, 2 usage.
 */
@Command(
    name = "validate",
    description = "Check a config repository: YAML, schemas, references. Prints path:line:col: message per problem.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo validate sample-repo --output json"})
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
      description = "The config repository folder (default: the current folder).")
  Path repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    if (!Files.isDirectory(repo)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "DIR " + repo + " is not a folder; give the path of a config repository");
    }
    LoadResult result = Workers.withOnePerCore(pool -> ConfigLoader.withDefaults().load(
        new FileTreeSource(repo, YamlLimits.defaults().maxFileBytes()), pool));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == OutputFormat.JSON) {
      out.println(Json.write(json(result)));
    } else {
      result.problems().forEach(out::println);
    }
    err.println(summary(repo, result));
    return result.isValid() ? 0 : ApolloCommand.EXIT_INVALID;
  }

  static String summary(Path repo, LoadResult result) {
    if (!result.isValid()) {
      long files = result.problems().stream().map(Problem::path).distinct().count();
      return repo + ": " + result.problems().size() + " problem" + (result.problems().size() == 1 ? "" : "s")
          + " in " + files + " file" + (files == 1 ? "" : "s");
    }
    DesiredState s = result.state();
    long releases = s.releases().values().stream().mapToLong(java.util.List::size).sum();
    return repo + ": valid (" + s.products().size() + " products, " + releases + " releases, "
        + s.environments().size() + " environments, " + s.entities().size() + " entities, "
        + s.constraints().size() + " constraints, " + s.approvalPolicies().size() + " approval policies, "
        + s.roles().size() + " roles)";
  }

  static ObjectNode json(LoadResult result) {
    ObjectNode root = Json.object();
    root.put("valid", result.isValid());
    ArrayNode problems = root.putArray("problems");
    for (Problem p : result.problems()) {
      problems.addObject()
          .put("path", p.path())
          .put("line", p.line())
          .put("column", p.column())
          .put("reason", p.reason().name())
          .put("message", p.message());
    }
    ArrayNode invalid = root.putArray("invalidEntities");
    result.state().invalidEntities().stream().sorted().forEach(id -> invalid.add(id.toString()));
    return root;
  }
}
