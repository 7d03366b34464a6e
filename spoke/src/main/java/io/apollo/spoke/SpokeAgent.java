package io.apollo.spoke;

import io.apollo.spoke.health.HealthWatch;
import io.apollo.spoke.hub.HubClient;
import io.apollo.spoke.auth.BearerToken;
import io.apollo.spoke.intake.PlanApi;
import io.apollo.spoke.intake.PlanDesk;
import io.apollo.spoke.intake.Poller;
import io.apollo.spoke.journal.Journal;
import io.apollo.spoke.journal.PlanRecord;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.options.Mode;
import io.apollo.spoke.options.SpokeOptions;
import io.apollo.spoke.report.Reporter;
import io.apollo.spoke.report.Reports;
import io.apollo.spoke.run.Operators;
import io.apollo.spoke.run.PlanRunner;
import io.apollo.spoke.run.Recovery;
import io.apollo.spoke.state.EntityBook;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running spoke: the journal, the plan lanes, the HTTP endpoint, and in the background the reporter, the health
 * watch and (in poll mode) the poller. {@link #start} is the story of a start; {@link #close} stops it all.
 */
public final class SpokeAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpokeAgent.class);

  private final Vertx vertx;
  private final Journal journal;
  private final PlanRunner runner;
  private final HubClient hub;
  private final Reporter reporter;
  private final HealthWatch health;
  private final Optional<Poller> poller;
  private final PlanApi api;
  private final SpokeOptions options;

  private SpokeAgent(Vertx vertx, Journal journal, PlanRunner runner, HubClient hub, Reporter reporter,
      HealthWatch health, Optional<Poller> poller, PlanApi api, SpokeOptions options) {
    this.vertx = vertx;
    this.journal = journal;
    this.runner = runner;
    this.hub = hub;
    this.reporter = reporter;
    this.health = health;
    this.poller = poller;
    this.api = api;
    this.options = options;
  }

  /** Starts a spoke with {@code operators}; returns once its endpoint listens. Blocks: not on an event loop. */
  public static SpokeAgent start(SpokeOptions options, Operators operators, Clock clock) {
    return start(options, operators, clock, finished -> { });
  }

  /**
   * As {@link #start(SpokeOptions, Operators, Clock)}, calling {@code finished} with every plan once its outcome is
   * journaled, those a restart cut short included (it must not block; {@code apollo spoke} prints them).
   */
  public static SpokeAgent start(SpokeOptions options, Operators operators, Clock clock,
      Consumer<PlanRecord> finished) {
    // 1. Credentials first: a spoke without its token can do nothing useful.
    BearerToken token = BearerToken.read(options.tokenFile());
    // 2. The journal, and what it knows of the entities.
    Journal journal = Journal.open(options.workDir());
    EntityBook book = new EntityBook(journal, clock);
    book.onPlanFinished(finished);
    // 3. Resolve plans a restart cut short, before any new plan can run.
    int resolved = new Recovery(journal, operators, book, clock).resolveUnfinished();
    if (resolved > 0) {
      LOG.info("resolved {} plan(s) cut short by the last stop", resolved);
    }
    // 4. Lanes and the desk every plan comes in through.
    PlanRunner runner = new PlanRunner(operators, book, clock);
    PlanDesk desk = new PlanDesk(options.name(), journal, operators, runner, clock);
    // 5. Reporting: on every change, and on the interval.
    Vertx vertx = Vertx.vertx();
    HubClient hub = new HubClient(vertx, options, token);
    Reports reports = new Reports(options.name(), book, clock);
    Reporter reporter = new Reporter(reports, hub, options.reportInterval());
    book.onChange(reporter::changed);
    // 6. The endpoint; its handlers write the journal, so it runs on virtual threads.
    PlanApi api = new PlanApi(options, token, desk, journal, reports);
    try {
      await(vertx.deployVerticle(api, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD)));
    } catch (SpokeException e) {
      vertx.close();
      journal.close();
      throw new SpokeException("cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage()
          + "; choose another --port or --bind", e);
    }
    // 7. Background loops: health (each entity checked by the operator of its last plan), reports, and in poll mode
    //    the poller.
    Map<String, Optional<Operator>> byPlan = new ConcurrentHashMap<>();
    HealthWatch health = new HealthWatch(book, e -> e.lastPlanId().flatMap(id -> byPlan.computeIfAbsent(id,
        planId -> journal.plan(planId).flatMap(r -> operators.forType(r.plan().productType())))), runner,
        options.healthInterval());
    Optional<Poller> poller = options.mode() == Mode.POLL
        ? Optional.of(new Poller(hub, desk, options.pollWait()))
        : Optional.empty();
    reporter.start();
    health.start();
    poller.ifPresent(Poller::start);
    return new SpokeAgent(vertx, journal, runner, hub, reporter, health, poller, api, options);
  }

  /** The endpoint's base URL, such as {@code http://127.0.0.1:40123}. */
  public String url() {
    return "http://" + options.bind() + ":" + api.port();
  }

  public int port() {
    return api.port();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new SpokeException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new SpokeException("timed out after 30s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpokeException("interrupted", e);
    }
  }

  /** Stops taking plans, lets running ones end (briefly), stops the loops and closes the journal. */
  @Override
  public void close() {
    poller.ifPresent(Poller::close);
    health.close();
    runner.close();
    reporter.close();
    hub.close();
    try {
      await(vertx.close());
    } finally {
      journal.close();
    }
  }
}
