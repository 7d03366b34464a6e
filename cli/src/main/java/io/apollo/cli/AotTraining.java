package io.apollo.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The training run of the AOT cache ({@code scripts/apollo}): the one-shot commands people run most, one after the
 * other in one JVM, so that the cache holds the classes of each (picocli's model of each command, its output, the
 * loader and every schema), not only those of one. A cache made from a plan alone left {@code validate}'s own classes
 * to be read and linked on every run. Output is discarded; exit codes are not judged (a training run that fails only
 * makes a smaller cache).
 *
 * <pre>java -XX:AOTCacheOutput=apollo.aot -cp apollo.jar io.apollo.cli.AotTraining SAMPLE_REPO</pre>
 */
public final class AotTraining {
  private static final String AT = "2026-12-05T03:00:00Z";

  private AotTraining() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: AotTraining SAMPLE_REPO");
      System.exit(2);
    }
    String repo = Path.of(args[0]).toString();
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true));
    try {
      Main.run("validate", repo);
      Main.run("validate", repo, "--output", "json");
      Main.run("plan", "preview", "--repo", repo, "--at", AT, "--output", "json");
      Main.run("plan", "preview", "--repo", repo, "--at", AT);
    } finally {
      System.setOut(out);
    }
    System.exit(0);
  }
}
