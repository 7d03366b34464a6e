package io.apollo.spoke;

import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.journal.PlanRecord;
import io.apollo.spoke.options.SpokeFlags;
import io.apollo.spoke.options.SpokeOptions;
import io.apollo.spoke.run.Operators;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * Runs a spoke from the spoke module's own classpath ({@code java -cp ... io.apollo.spoke.SpokeMain --name ...}),
 * with the same flags as {@code apollo spoke}; tests start spokes as child processes this way. Prints
 * {@code apollo spoke: listening on <url>} once the endpoint listens, then one line per finished plan, and runs until
 * the process is stopped.
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
    PlanLines lines = new PlanLines(out);
    SpokeAgent agent = SpokeAgent.start(options, operators.apply(options), Clock.systemUTC(), lines);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "spoke-shutdown"));
    lines.listening(agent.url());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The spoke's output for the operator watching it (or its journald): the listening line first, then one line per
   * finished plan. Plans resolved while the spoke starts are held until the listening line is out, so tools can read
   * the URL from the first line.
   */
  private static final class PlanLines implements Consumer<PlanRecord> {
    private final PrintWriter out;
    private final List<String> held = new ArrayList<>();
    private boolean listening;

    PlanLines(PrintWriter out) {
      this.out = out;
    }

    @Override
    public synchronized void accept(PlanRecord r) {
      PlanMessage p = r.plan();
      String line = "apollo spoke: plan " + p.id() + " (" + p.type() + " " + p.entity()
          + p.toVersion().map(v -> " to " + v).orElse("") + ") " + r.status() + ": " + r.message();
      if (listening) {
        print(line);
      } else {
        held.add(line);
      }
    }

    synchronized void listening(String url) {
      print("apollo spoke: listening on " + url);
      held.forEach(this::print);
      held.clear();
      listening = true;
    }

    private void print(String line) {
      out.println(line);
      out.flush();
    }
  }
}
