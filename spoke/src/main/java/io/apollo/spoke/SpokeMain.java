package io.apollo.spoke;

import io.apollo.spoke.options.SpokeFlags;
import io.apollo.spoke.options.SpokeOptions;
import io.apollo.spoke.run.Operators;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * Runs a spoke from the spoke module's own classpath ({@code java -cp ... io.apollo.spoke.SpokeMain --name ...}),
 * with the same flags as {@code apollo spoke}; tests start spokes as child processes this way. Prints
 * {@code apollo spoke: listening on <url>} once the endpoint listens, then runs until the process is stopped.
 */
@Command(name = "spoke", mixinStandardHelpOptions = true, description = "Run an Apollo spoke agent.")
public final class SpokeMain implements Callable<Integer> {
  @Mixin SpokeFlags flags;

  private final Function<SpokeOptions, Operators> operators;

  private SpokeMain(Function<SpokeOptions, Operators> operators) {
    this.operators = operators;
  }

  public static void main(String[] args) {
    System.exit(run(args, StandardOperators::of));
  }

  /** Runs a spoke with {@code operators} until the process is stopped; answers the exit code on a usage error. */
  public static int run(String[] args, Function<SpokeOptions, Operators> operators) {
    return new CommandLine(new SpokeMain(operators)).execute(args);
  }

  @Override
  public Integer call() {
    serveUntilStopped(flags.toOptions(), operators, new PrintWriter(System.out, true));
    return 0;
  }

  /**
   * Starts a spoke, prints where it listens, and blocks until the JVM shuts down (SIGTERM, Ctrl-C), then stops the
   * spoke in order. Shared by this class and {@code apollo spoke}.
   */
  public static void serveUntilStopped(SpokeOptions options, Function<SpokeOptions, Operators> operators,
      PrintWriter out) {
    SpokeAgent agent = SpokeAgent.start(options, operators.apply(options), Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "spoke-shutdown"));
    out.println("apollo spoke: listening on " + agent.url());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
