package io.apollo.reconciler.hub;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.plan.PlanState;
import io.apollo.core.config.SpokeRef;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.api.GitWebhook;
import io.apollo.reconciler.api.HubApi;
import io.apollo.reconciler.api.HubMetrics;
import io.apollo.reconciler.api.SpokeTokens;
import io.apollo.reconciler.dispatch.Backoff;
import io.apollo.reconciler.dispatch.PollMailbox;
import io.apollo.reconciler.dispatch.PushClient;
import io.apollo.reconciler.gitsync.ConfigRepository;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.loop.ReconcileLoop;
import io.apollo.reconciler.loop.Reconciler;
import io.apollo.reconciler.store.DispatchAttempt;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.JdbcHubStore;
import io.apollo.reconciler.store.StoredPlan;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hub: store, git, reconcile loop, dispatch and HTTP API, wired (DESIGN.md sections 4, 5 and 7). The
 * reconcile loop runs on its own virtual thread, git and JDBC never on an event loop; the HTTP server's handlers
 * read the loop's snapshots. {@link #close()} stops the API, the loop, then the store.
 */
public final class Hub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

  private final Vertx vertx;
  private final HubStore store;
  private final ConfigRepository repository;
  private final ExecutorService workers;
  private final ReconcileLoop loop;
  private final PushClient push;
  private final ApiVerticle server;
  private final String bind;

  private Hub(Vertx vertx, HubStore store, ConfigRepository repository, ExecutorService workers, ReconcileLoop loop,
      PushClient push, ApiVerticle server, String bind) {
    this.bind = bind;
    this.vertx = vertx;
    this.store = store;
    this.repository = repository;
    this.workers = workers;
    this.loop = loop;
    this.push = push;
    this.server = server;
  }

  /**
   * Starts a hub: opens the store in {@code --data-dir}, opens the repository with {@code openRepository}, listens,
   * and runs a first pass at once.
   */
  public static Hub start(HubOptions options, Function<HubOptions, ConfigRepository> openRepository, Clock clock) {
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new ReconcilerException("cannot create --data-dir " + options.dataDir() + ": " + e.getMessage(), e);
    }
    SpokeTokens tokens = SpokeTokens.read(options.spokeTokens());
    Optional<GitWebhook> webhook = options.webhookSecretFile().map(GitWebhook::read);
    HubStore store = JdbcHubStore.openSqlite(options.dataDir());
    ConfigRepository repository = openRepository.apply(options);
    Vertx vertx = Vertx.vertx();
    ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    HubMetrics metrics = new HubMetrics(clock);
    PushClient push = new PushClient(vertx, tokens::tokenOf, Backoff.defaults(), metrics, clock,
        PushClient.DEFAULT_TIMEOUT_MILLIS);
    PollMailbox mailbox = new PollMailbox(vertx);
    Reconciler reconciler = new Reconciler(repository, store, ConfigLoader.withDefaults(), workers, clock, metrics);
    HubApi[] apiRef = new HubApi[1];
    ReconcileLoop loop = new ReconcileLoop(timed(reconciler, metrics), clock, options.pollInterval(),
        snapshot -> handOver(snapshot, vertx, store, push, mailbox, apiRef[0], clock));
    HubApi api = new HubApi(vertx, loop::snapshot, store, tokens, mailbox, loop::trigger, clock,
        new HubApi.Settings(options.maxBodyBytes(), webhook, metrics, push::lately, reconciler::gitEvent));
    apiRef[0] = api;
    ApiVerticle server = new ApiVerticle(api, options.bind(), options.port());
    try {
      vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      store.close();
      throw new ReconcilerException("cannot listen on " + options.bind() + ":" + options.port() + ": "
          + e.getMessage() + " (choose another --port or --bind)", e);
    }
    Hub hub = new Hub(vertx, store, repository, workers, loop, push, server, options.bind());
    loop.start();
    LOG.info("Hub governing branch {} of {} listening on {}", options.branch(), options.repo(), hub.url());
    return hub;
  }

  /** A pass that the metrics count and time. */
  private static ReconcileLoop.Pass timed(Reconciler reconciler, HubMetrics metrics) {
    return (number, why) -> {
      long started = System.nanoTime();
      HubSnapshot published = reconciler.pass(number, why);
      metrics.passed(java.time.Duration.ofNanos(System.nanoTime() - started), published);
      return published;
    };
  }

  /** After a pass: push plans handed to spokes with a url that none acknowledged; answer waiting polls. */
  private static void handOver(HubSnapshot snapshot, Vertx vertx, HubStore store, PushClient push,
      PollMailbox mailbox, HubApi api, Clock clock) {
    for (StoredPlan plan : snapshot.plans()) {
      if (plan.state() != PlanState.DISPATCHED || snapshot.acknowledged().contains(plan.id())) {
        continue;
      }
      Optional<URI> url = Optional.ofNullable(snapshot.desired().environments().get(plan.entity().environment()))
          .flatMap(env -> env.spoke(plan.spoke())).flatMap(SpokeRef::url);
      if (url.isEmpty()) {
        continue;
      }
      String body = io.apollo.reconciler.api.PlanViews.plan(plan, List.of(), false).toString();
      push.send(plan.id(), plan.spoke(), url.get(), body, outcome -> {
        if (outcome.acknowledged()) {
          LOG.info("Spoke {} took plan {}: {}", outcome.spoke(), outcome.planId(), outcome.detail());
        } else {
          LOG.warn("Spoke {} did not take plan {}; the next pass tries again: {}", outcome.spoke(),
              outcome.planId(), outcome.detail());
        }
        return vertx.executeBlocking(() -> {
          store.recordDispatch(new DispatchAttempt(outcome.planId(), outcome.spoke(), clock.instant(),
              outcome.acknowledged(), outcome.detail()));
          return null;
        });
      });
    }
    if (api != null) {
      mailbox.publish(api::waitingFor);
    }
  }

  /** The URL the API listens on, such as {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** The latest published snapshot. */
  public HubSnapshot snapshot() {
    return loop.snapshot();
  }

  /** Asks for a pass now (as a fetch tick would). */
  public void trigger(String reason) {
    loop.trigger(reason);
  }

  @Override
  public void close() {
    // The loop first (a pass under way finishes and hands over), then Vert.x (the API and pushes stop), then
    // what they read and write.
    loop.close();
    push.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    workers.close();
    repository.close();
    store.close();
  }
}
