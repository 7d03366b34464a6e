/** The {@code apollo} command line: one subcommand per package, wired in {@link io.apollo.cli.ApolloCommand}. */
package io.apollo.cli;
