package io.apollo.cli.release;

import picocli.CommandLine.Command;

/** {@code apollo release}: the releases of the config repository's products. */
@Command(
    name = "release",
    description = "Record, list, promote, recall and publish releases (id: group:artifact:version).",
    mixinStandardHelpOptions = true,
    subcommands = {ReleaseCreateCommand.class, ReleaseListCommand.class, ReleasePromoteCommand.class,
        ReleaseDeprecateCommand.class, ReleasePublishCommand.class, ReleaseHoldCommand.class,
        ReleaseUnholdCommand.class},
    footer = {"", "Example:", "  apollo release publish build/distributions/catalog-service-2.1.0.sls.tgz \\",
        "      --artifact-uri https://artifacts.example.com/cs-2.1.0.sls.tgz"})
public final class ReleaseCommand {}
