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
import io.apollo.reconciler.lead.AdvisoryLeadership;
import io.apollo.reconciler.lead.DataDirLock;
import io.apollo.reconciler.lead.LeaderStatus;
import io.apollo.reconciler.lead.Terms;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.loop.ReconcileLoop;
import io.apollo.reconciler.loop.Reconciler;
import io.apollo.reconciler.notify.NotificationSecrets;
import io.apollo.reconciler.notify.NotificationSender;
import io.apollo.reconciler.store.DispatchAttempt;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.JdbcHubStore;
import io.apollo.reconciler.store.StoredPlan;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hub: store, git, reconcile loop, dispatch and HTTP API, wired (DESIGN.md sections 4, 5 and 7). The
 * reconcile loop runs on its own virtual thread, git and JDBC never on an event loop; the HTTP server's handlers
 * read the loop's snapshots. {@link #close()} stops the API, the loop, then the store.
 */
public final class Hub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
  /** How often a follower tries for leadership, and a leader checks it still holds it. */
  private static final Duration LEADERSHIP_RETRY = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final HubStore store;
  private final ConfigRepository repository;
  private final ExecutorService workers;
  private final Terms terms;
  private final PushClient push;
  private final ApiVerticle server;
  private final String bind;
  private final DataDirLock dirLock;
  private NotificationSender notifications;
  private AdvisoryLeadership leadership;

  private Hub(Vertx vertx, HubStore store, ConfigRepository repository, ExecutorService workers, Terms terms,
      PushClient push, ApiVerticle server, String bind, DataDirLock dirLock) {
    this.bind = bind;
    this.vertx = vertx;
    this.store = store;
    this.repository = repository;
    this.workers = workers;
    this.terms = terms;
    this.push = push;
    this.server = server;
    this.dirLock = dirLock;
  }

  /**
   * Starts a hub: locks {@code --data-dir} (one hub per folder), opens the store (SQLite there, or {@code --db}),
   * opens the repository with {@code openRepository}, and listens. On SQLite it leads at once (a first pass now);
   * on PostgreSQL it follows until it holds the advisory lock ({@link AdvisoryLeadership}).
   */
  public static Hub start(HubOptions options, Function<HubOptions, ConfigRepository> openRepository, Clock clock) {
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new ReconcilerException("cannot create --data-dir " + options.dataDir() + ": " + e.getMessage(), e);
    }
    SpokeTokens tokens = SpokeTokens.read(options.spokeTokens());
    NotificationSecrets secrets = options.notificationSecrets().map(NotificationSecrets::read)
        .orElseGet(NotificationSecrets::none);
    Optional<GitWebhook> webhook = options.webhookSecretFile().map(GitWebhook::read);
    DataDirLock dirLock = DataDirLock.take(options.dataDir());
    HubStore store;
    ConfigRepository repository;
    try {
      store = JdbcHubStore.open(options.db(), options.dataDir());
    } catch (RuntimeException e) {
      dirLock.close();
      throw e;
    }
    try {
      repository = openRepository.apply(options);
    } catch (RuntimeException e) {
      store.close();
      dirLock.close();
      throw e;
    }
    Vertx vertx = Vertx.vertx();
    ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    HubMetrics metrics = new HubMetrics(clock);
    PushClient push = new PushClient(vertx, tokens::tokenOf, Backoff.defaults(), metrics, clock,
        PushClient.DEFAULT_TIMEOUT_MILLIS);
    PollMailbox mailbox = new PollMailbox(vertx);
    Reconciler reconciler = new Reconciler(repository, store, ConfigLoader.withDefaults(), workers, clock, metrics);
    HubApi[] apiRef = new HubApi[1];
    Terms[] termsRef = new Terms[1];
    // A loop per leadership term; a deposed hub's loop is stopped and hands nothing over.
    NotificationSender[] notifyRef = new NotificationSender[1];
    Supplier<ReconcileLoop> newLoop = () -> new ReconcileLoop(timed(reconciler, metrics), clock, options.pollInterval(),
        snapshot -> {
          if (termsRef[0].leads()) {
            notifyRef[0].wake();
            handOver(snapshot, vertx, store, push, mailbox, apiRef[0], clock);
          }
        });
    Hub[] hubRef = new Hub[1];
    Supplier<String> holder = () -> hubRef[0].url() + " (pid " + ProcessHandle.current().pid() + " on "
        + hostName() + ")";
    Terms terms = new Terms(store, holder, newLoop, clock, options.db().isPresent() ? "postgresql" : "sqlite");
    termsRef[0] = terms;
    NotificationSender notifications = new NotificationSender(store, secrets, terms::leads, clock,
        options.notificationAttempts());
    notifyRef[0] = notifications;
    metrics.watchOutbox(notifications::status);
    HubApi api = new HubApi(vertx, terms::snapshot, store, tokens, mailbox, terms::trigger, clock,
        new HubApi.Settings(options.maxBodyBytes(), webhook, metrics, push::lately, reconciler::gitEvent,
            terms::status, notifications::status));
    apiRef[0] = api;
    ApiVerticle server = new ApiVerticle(api, options.bind(), options.port());
    try {
      vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      store.close();
      dirLock.close();
      throw new ReconcilerException("cannot listen on " + options.bind() + ":" + options.port() + ": "
          + e.getMessage() + " (choose another --port or --bind)", e);
    }
    Hub hub = new Hub(vertx, store, repository, workers, terms, push, server, options.bind(), dirLock);
    hubRef[0] = hub;
    hub.notifications = notifications.start();
    if (options.db().isPresent()) {
      hub.leadership = new AdvisoryLeadership(options.db().get(), LEADERSHIP_RETRY, terms);
      hub.leadership.start();
    } else {
      terms.elected();
    }
    LOG.info("Hub governing branch {} of {} listening on {}", options.branch(),
        io.apollo.reconciler.gitsync.RemoteUrl.shown(options.repo()), hub.url());
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

  /** The latest published snapshot (a follower's: what it read from the store). */
  public HubSnapshot snapshot() {
    return terms.snapshot();
  }

  /** Asks for a pass now (as a fetch tick would); a follower ignores it. */
  public void trigger(String reason) {
    terms.trigger(reason);
  }

  /** Whether this hub leads, and under which epoch. */
  public LeaderStatus leadership() {
    return terms.status();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  @Override
  public void close() {
    // Leadership and the loop first (a pass under way finishes and hands over; the advisory lock is released only
    // after), then Vert.x (the API and pushes stop), then what they read and write.
    if (leadership != null) {
      leadership.close();
    }
    terms.close();
    if (notifications != null) {
      notifications.close();
    }
    push.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    workers.close();
    repository.close();
    store.close();
    dirLock.close();
  }
}
