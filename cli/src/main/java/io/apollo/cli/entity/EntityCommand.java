package io.apollo.cli.entity;

import picocli.CommandLine.Command;

/** {@code apollo entity}: products deployed in environments ({@code environment/name}). */
@Command(
    name = "entity",
    description = "Deploy a product to an environment, and see what runs where.",
    mixinStandardHelpOptions = true,
    subcommands = {EntityCreateCommand.class, EntityListCommand.class, EntityStatusCommand.class},
    footer = {"", "Example:", "  apollo entity create --product com.example:catalog-service --version 1.0.0"
        + " --environment staging"})
public final class EntityCommand {}
