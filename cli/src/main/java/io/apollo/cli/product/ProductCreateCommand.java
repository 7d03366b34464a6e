package io.apollo.cli.product;

import io.apollo.cli.CliException;
import io.apollo.cli.edit.NewDocument;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code apollo product create}: adds a Product document as {@code products/<name>.yaml} and commits it. Exit 0
 * committed, 1 refused (the product exists, the result would be invalid, git said no), 2 usage error.
 */
@Command(
    name = "create",
    description = "Add a product to the config repository and commit it.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo product create --group com.example --name catalog-service \\",
        "      --display-name 'Catalog Service' --criticality critical \\",
        "      --type sls-service"})
public final class ProductCreateCommand implements Callable<Integer> {
  @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The product's group, e.g. com.example.")
  String group;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "The product's artifact name, e.g. catalog-service.")
  String name;

  @Option(names = "--display-name", paramLabel = "TEXT", description = "A name for people (default: NAME).")
  String displayName;

  @Option(names = "--criticality", paramLabel = "LEVEL", description = "low, medium (default), high or critical.")
  String criticality;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "sls-service (default) or helm-chart: which spoke operator runs it.")
  String type;

  @Mixin ChangeOptions change;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    ProductId id = ProductId.tryParse(group + ":" + name).orElseThrow(() -> new CommandLine.ParameterException(
        spec.commandLine(), "'" + group + ":" + name + "' is not a product id: --group and --name take letters,"
            + " digits, '.', '_' and '-', e.g. --group com.example --name catalog-service"));
    if (criticality != null && Criticality.fromWireName(criticality).isEmpty()) {
      throw usage("--criticality '" + criticality + "' is not one of " + choices(Criticality.values()));
    }
    if (type != null && ProductType.fromWireName(type).isEmpty()) {
      throw usage("--type '" + type + "' is not one of " + choices(ProductType.values()));
    }
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    ConfigRepo.Snapshot head = repo.snapshot();
    head.state().product(id).ifPresent(existing -> {
      throw new CliException("product " + id + " already exists (" + existing.origin() + "); see apollo product get "
          + id);
    });
    String path = "products/" + id.artifact() + ".yaml";
    if (head.text(path).isPresent()) {
      path = "products/" + id.group() + "." + id.artifact() + ".yaml";
    }
    NewDocument document = NewDocument.of("Product", id.toString());
    if (displayName != null) {
      document.spec().put("displayName", displayName);
    }
    if (criticality != null) {
      document.spec().put("criticality", criticality);
    }
    if (type != null) {
      document.spec().put("type", type);
    }
    String message = "Add product " + id + "\n\nMade with apollo product create.";
    Outcome outcome = change.apply(repo, Change.write(message,
        Map.of(path, document.asNewFile("Added with apollo product create.")), "add-product-" + id.artifact()));
    if (format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.write(outcome.addTo(Json.object().put("product", id.toString())
          .put("file", path))));
    } else {
      spec.commandLine().getOut().print(outcome.describe(message));
    }
    return 0;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static String choices(Object[] values) {
    return Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
  }
}
