package io.apollo.spoke.operator.sls;

import static io.apollo.spoke.operator.sls.SlsFixtures.dist;
import static io.apollo.spoke.operator.sls.SlsFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.core.version.Version;
import io.apollo.spoke.operator.OperatorResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what an sls upgrade costs beyond the service's own start (issue 8, "Performance"); figures in
 * docs/benchmarks.md. Not part of the test suite (its name matches neither *Test nor *IT); run it with:
 *
 * <pre>
 * mvn -B -q -pl spoke -am verify -DskipITs -Dtest=SlsUpgradeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Each round upgrades the trivial sample service between two ~1 MiB distributions with {@link SlsOperator#run}
 * (stop the old version, fetch and verify and unpack the new one, write its config, start it, poll {@code init.sh
 * check} until it passes), with the target's folder removed first so that every round really unpacks. Beside it, the
 * same units alone, and the service's own start: {@code init.sh start} until the service first answers
 * {@code GET /health} on a raw socket polled every 5 ms, which is the floor no operator can beat.
 */
class SlsUpgradeBenchmark {
  private static final int ROUNDS = Integer.getInteger("sls.bench.rounds", 10);
  private static final String OLD = "1.0.0 --pad-kib 1024";
  private static final String NEW = "1.1.0 --pad-kib 1024";

  @TempDir Path work;

  @Test
  void upgradeOverheadBeyondTheServicesOwnStart() throws Exception {
    SlsFixtures.build(OLD, NEW);
    SlsLimits limits = SlsLimits.defaults();
    SlsOperator sls = new SlsOperator(work, limits);
    int port = SlsFixtures.freePort();
    Map<String, Object> config = Map.of("port", port);
    try {
      assertThat(sls.run(plan(PlanType.INSTALL, null, "1.0.0", config, dist(OLD))).succeeded()).isTrue();
      List<Long> upgrades = new ArrayList<>();
      String running = "1.0.0";
      for (int i = 0; i < ROUNDS + 2; i++) {
        String target = running.equals("1.0.0") ? "1.1.0" : "1.0.0";
        new WorkFolder(work).deleteTree(work.resolve("sls/test/catalog").resolve(target));
        long t0 = System.nanoTime();
        OperatorResult r = sls.run(plan(PlanType.UPGRADE, running, target, config,
            dist(target.equals("1.0.0") ? OLD : NEW)));
        long took = System.nanoTime() - t0;
        assertThat(r.succeeded()).as(r.message()).isTrue();
        assertThat(r.running()).contains(Version.parse(target));
        if (i >= 2) {
          upgrades.add(took); // the first two rounds warm the spoke's JVM up
        }
        running = target;
      }
      Path current = work.resolve("sls/test/catalog").resolve(running);

      ServiceControl control = new ServiceControl(limits);
      InitScript init = new InitScript(limits.initTimeout(), limits.probeTimeout());
      Distributions distributions = new Distributions(new WorkFolder(work), limits);
      List<Long> stops = new ArrayList<>();
      List<Long> ownStarts = new ArrayList<>();
      List<Long> startsToHealthy = new ArrayList<>();
      List<Long> unpacks = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        stops.add(time(() -> control.stop(current)));
        ownStarts.add(time(() -> {
          assertThat(init.run(current, InitScript.Command.START).ok()).isTrue();
          awaitHealthOnSocket(port);
        }));
        control.stop(current);
        startsToHealthy.add(time(() -> control.startHealthy(current)));
        String other = running.equals("1.0.0") ? "1.1.0" : "1.0.0";
        new WorkFolder(work).deleteTree(work.resolve("sls/test/catalog").resolve(other));
        unpacks.add(time(() -> distributions.prepare(plan(PlanType.UPGRADE, null, other, config,
            dist(other.equals("1.0.0") ? OLD : NEW)), Version.parse(other), Optional.empty())));
      }

      String report = """
          sls upgrade benchmark: %d rounds, ~1 MiB distributions (%d bytes), health poll every %d ms
          nproc=%d  java=%s
          | step | median ms | min ms | max ms |
          |---|---:|---:|---:|
          %s
          %s
          %s
          %s
          %s
          %s
          """.formatted(ROUNDS, Files.size(dist(NEW).tgz()), limits.healthPollInterval().toMillis(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          row("upgrade, whole (SlsOperator.run)", upgrades),
          row("  stop (init.sh stop)", stops),
          row("  fetch + sha256 + unpack", unpacks),
          row("  start until init.sh check passes", startsToHealthy),
          row("service's own start (init.sh start to first GET /health 200)", ownStarts),
          "| spoke overhead (median upgrade - median own start) | " + ms(median(upgrades) - median(ownStarts))
              + " | | |");
      System.out.println(report);
      Files.writeString(Path.of("target/sls-upgrade-benchmark.txt"), report);
    } finally {
      io.apollo.spoke.testing.SampleDists.killServices(work);
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static long time(Step step) throws Exception {
    long t0 = System.nanoTime();
    step.run();
    return System.nanoTime() - t0;
  }

  /** Polls the service's port with a raw HTTP request every 5 ms until it answers 200. */
  private static void awaitHealthOnSocket(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        s.getOutputStream().write("GET /health HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] head = s.getInputStream().readNBytes(12);
        if (new String(head, StandardCharsets.US_ASCII).endsWith("200")) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the service never answered on port " + port);
  }

  private static long median(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String row(String step, List<Long> nanos) {
    return "| " + step + " | " + ms(median(nanos)) + " | " + ms(nanos.stream().min(Long::compare).orElseThrow())
        + " | " + ms(nanos.stream().max(Long::compare).orElseThrow()) + " |";
  }

  private static String ms(long nanos) {
    return String.valueOf(Math.round(nanos / 1e6));
  }
}
