package io.apollo.cli.product;

import picocli.CommandLine.Command;

/** {@code apollo product}: the products of the config repository. */
@Command(
    name = "product",
    description = "Register and read products (group:artifact) in the config repository.",
    mixinStandardHelpOptions = true,
    subcommands = {ProductCreateCommand.class, ProductListCommand.class, ProductGetCommand.class},
    footer = {"", "Example:", "  apollo product create --group com.example --name catalog-service"})
public final class ProductCommand {}
