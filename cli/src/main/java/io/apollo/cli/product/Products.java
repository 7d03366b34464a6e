package io.apollo.cli.product;

import io.apollo.cli.CliException;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductId;
import java.util.Collection;
import picocli.CommandLine;
import java.util.stream.Collectors;

/** Finding a product that a person named, with an error that lists what exists. */
public final class Products {
  private Products() {}

  /**
   * A product id a person typed, or a usage error (exit 2) saying how to write one; {@code option} names the flag it
   * came from ({@code --product}), empty for a positional parameter.
   */
  public static ProductId parseId(CommandLine.Model.CommandSpec spec, String option, String text) {
    return ProductId.tryParse(text).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        (option.isEmpty() ? "" : option + " ") + "'" + text + "' is not a product id; write it as group:artifact"));
  }

  /** The product, or an error naming the products the repository has. */
  public static Product require(DesiredState state, ProductId id) {
    return state.product(id).orElseThrow(() -> unknown(id, state.products().keySet()));
  }

  static CliException unknown(ProductId id, Collection<ProductId> known) {
    return new CliException("no product " + id + " in the repository"
        + (known.isEmpty() ? "" : " (it has " + known.stream().map(Object::toString).collect(Collectors.joining(", "))
            + ")") + "; add it first: apollo product create --group " + id.group() + " --name " + id.artifact());
  }
}
