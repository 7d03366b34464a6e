package io.apollo.cli;

import io.apollo.core.load.schema.SchemaValidator;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;

/** The {@code apollo} command's entry point. */
public final class Main {
  /** The commands that read a config repository, and so validate its documents against the schemas. */
  private static final Set<String> LOADS_A_REPOSITORY =
      Set.of("validate", "plan", "explain", "diff", "entity", "product", "release", "forecast");

  private static final AtomicBoolean PREPARED = new AtomicBoolean();

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; used by tests to run commands in-process. */
  public static int run(String... args) {
    prepareSchemas(args);
    // Only the subcommand the arguments name is built: a one-shot command's start is part of what it costs.
    CommandLine cli = ApolloCommand.commandLineFor(
        args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    try {
      return cli.execute(args);
    } finally {
      // Commands may print() without a newline; nothing may be lost to System.exit.
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  /**
   * For a command that will read a repository, loads and compiles the schemas on a second thread while this one
   * builds the command line and lists the files: on two cores that was a tenth of a second of {@code validate} spent
   * before the first document could be checked. The thread is a daemon and does only what the load would do anyway
   * (the schemas are shared, compiled once, thread-safe); a failure there is the load's to report, so it is dropped.
   */
  private static void prepareSchemas(String[] args) {
    if (args.length == 0 || !LOADS_A_REPOSITORY.contains(args[0]) || !PREPARED.compareAndSet(false, true)) {
      return;
    }
    Thread.ofPlatform().daemon().name("apollo-schemas").start(() -> {
      try {
        SchemaValidator.bundled().prepare();
      } catch (RuntimeException | LinkageError e) {
        // The load compiles the schema again on first use and reports what is wrong.
      }
    });
  }
}
