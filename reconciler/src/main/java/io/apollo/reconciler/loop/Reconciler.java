package io.apollo.reconciler.loop;

import io.apollo.core.config.Approval;
import io.apollo.core.config.Entity;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.IncrementalLoad;
import io.apollo.core.load.LoadResult;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningPasses;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.ReportedState;
import io.apollo.core.rollout.Halt;
import io.apollo.core.rollout.HaltDetector;
import io.apollo.core.rollout.HoldFile;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.dispatch.DispatchChoice;
import io.apollo.reconciler.gitsync.ConfigRepository;
import io.apollo.reconciler.gitsync.FetchResult;
import io.apollo.reconciler.gitsync.PlanOnBranch;
import io.apollo.reconciler.notify.NotificationEvents;
import io.apollo.reconciler.store.DispatchAttempt;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import io.apollo.reconciler.store.StoredReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One reconcile pass, as a numbered story (DESIGN.md sections 4 and 5). Blocking (git, database): the loop runs it
 * on its own virtual thread, one pass at a time, which makes it the one writer of plan state.
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final ConfigRepository repository;
  private final HubStore store;
  /** The last loaded commit's files and checks: the next commit reads and checks again only what it changed. */
  private final IncrementalLoad loads;
  private final ReportedView reportedView = new ReportedView();
  private final Executor workers;
  private final Clock clock;
  private final PlanningPasses planner = new PlanningPasses(new Planner(new ConstraintEvaluator()));
  private final GitPublisher git;
  private final HealthTracking health;
  private final RolloutHalts halts;
  private Optional<String> loadedCommit = Optional.empty();
  private LoadResult loaded;
  private Optional<Instant> lastFetch = Optional.empty();
  private Optional<String> gitEvent = Optional.empty();
  /** Fetches failed in a row, the last one's error, and the earliest moment the next fetch is tried. */
  private int fetchFailures;
  private Optional<String> fetchFailure = Optional.empty();
  private Instant nextFetch = Instant.MIN;
  /** Backoff between fetches of a remote that fails: 1 s doubling, at most {@link #FETCH_BACKOFF_CAP}. */
  static final Duration FETCH_BACKOFF_CAP = Duration.ofSeconds(60);
  private final PassMeters meters;
  /** The last full pass's snapshot and the plan branches after it: what a pass that finds nothing new keeps. */
  private Optional<QuietCheck> lastFull = Optional.empty();

  public Reconciler(ConfigRepository repository, HubStore store, ConfigLoader loader, Executor workers,
      Clock clock) {
    this(repository, store, loader, workers, clock, PassMeters.NONE);
  }

  /** @param meters told how long each fetch took */
  public Reconciler(ConfigRepository repository, HubStore store, ConfigLoader loader, Executor workers,
      Clock clock, PassMeters meters) {
    this.meters = meters;
    this.repository = repository;
    this.store = store;
    this.loads = new IncrementalLoad(loader);
    this.workers = workers;
    this.clock = clock;
    this.git = new GitPublisher(repository);
    this.health = new HealthTracking(store);
    this.halts = new RolloutHalts(repository);
  }

  /** Runs one pass; {@code why} names its triggers for the log. Never throws for git being unreachable. */
  public HubSnapshot pass(long number, String why) {
    Instant now = clock.instant();
    PassPhases phases = new PassPhases();
    // 1. Fetch: a remote that cannot be reached leaves the last fetched head governing.
    Optional<String> fetchError = fetch(number, now, why);
    Optional<String> head = repository.head();
    phases.end("fetch");
    if (head.isEmpty()) {
      return new HubSnapshot(number, now, Optional.empty(), lastFetch, fetchError, List.of(),
          io.apollo.core.config.DesiredState.empty(), ReportedState.empty(), Map.of(), Optional.empty(),
          store.plans(), store.approvals(), store.acknowledgedPlans());
    }
    // 2. Nothing new (the commit already loaded, the same plan branches, no report, approval or clock trigger, the
    //    last pass's git work done): keep the last pass's plans rather than plan again.
    Optional<HubSnapshot> kept = lastFull.flatMap(q -> q.keep(number, now, why, head, fetchError, lastFetch,
        repository.branches(GitPublisher.PLAN_BRANCHES), store::acknowledgedPlans));
    if (kept.isPresent()) {
      phases.end("skipped");
      phases.report(meters);
      LOG.debug("Pass {} ({}) on {}: nothing new in {} ms ({})", number, why, abbreviate(head.get()),
          phases.total().toMillis(), phases);
      return kept.get();
    }
    lastFull = Optional.empty();
    // 3. Load the commit (only the files it changed are read and checked again).
    String commit = head.get();
    if (!loadedCommit.equals(head)) {
      TimedSource source = new TimedSource(repository.source(commit));
      loaded = GovernedState.apply(loads.load(source, workers), repository.governedPolicy(commit));
      phases.inner("list", source.listNanos());
      loadedCommit = head;
      store.putMeta("governing_commit", commit);
      phases.end("load");
      LOG.info("Pass {}: loaded commit {} ({} entities, {} problems, {} file(s) parsed again)", number,
          abbreviate(commit), loaded.state().entities().size(), loaded.problems().size(), source.reads());
    }
    // 4. Read the reports: the spokes' truth about what runs.
    Map<String, StoredReport> reports = store.reports();
    //    With the health history kept in the store: promotion bakes count from it, across restarts (issue 16).
    ReportedState reported = health.track(reported(reports), now);
    notifyDegraded(reported, now);
    phases.end("reports");
    // 5. Read approvals from git and remember them.
    Map<String, PlanOnBranch> onMain = repository.plansOnBranch(commit);
    List<StoredPlan> known = store.plans();
    store.recordApprovals(GitApprovals.seen(onMain, known));
    Map<String, List<StoredApproval>> approvals = store.approvals();
    // Plan files someone edited by hand on the branch: never run, but said on the plan and on the status.
    Map<String, PlanFileEdit> fileEdits = PlanFileEdit.of(onMain, known);
    phases.end("approvals");
    // 6. Follow reports: handed-over plans become RUNNING, SUCCEEDED or FAILED.
    //    The plans read in step 5: recording approvals writes no plan, and this loop is the one writer of plans.
    Changes changes = new Changes(now, byId(known));
    for (String planId : ReportFollower.follow(changes, reported)) {
      StoredPlan p = changes.get(planId).orElseThrow();
      store.recordDispatch(new DispatchAttempt(planId, p.spoke(), now, true, "a report of the spoke names it"));
    }
    // 7. Plan: entities on spokes that never reported get none (DESIGN.md section 5).
    Set<String> failed = changes.all().stream().filter(p -> p.state() == PlanState.FAILED)
        .map(StoredPlan::id).collect(Collectors.toSet());
    Map<String, List<Approval>> given = GitApprovals.accepted(approvals);
    PlanningResult result = plan(new PlanningInput(RolesAsApproved.of(loaded.state(), given), reported, now, given,
        failed), number);
    List<Plan> proposed = result.plans().stream().filter(p -> reports.containsKey(p.spoke())).toList();
    //    A canary that failed or degraded on a release halts its rollout: a ReleaseHold is committed, and the next
    //    pass loads the new head and plans with the release held (issue 16).
    //    Each halt committed is told once (rollout.halted, issue 17), keyed by its hold file.
    if (fetchError.isEmpty()) {
      for (Halt h : halts.commit(HaltDetector.halts(loaded.state(), reported, result), now)) {
        store.save(List.of(), List.of(), NotificationEvents.rolloutHalted(HoldFile.path(h), h.canary(),
            h.reason().name(), h.message(), loaded.state(), now));
      }
    }
    phases.end("plan");
    // 8. Diff against the store.
    Map<String, ObjectNode> bodies = new HashMap<>();
    proposed.forEach(p -> bodies.put(p.id(), PlanBody.of(p, loaded.state(), commit)));
    PlanDiff.apply(changes, result, proposed, bodies);
    phases.end("diff");
    // 9. Persist, then put plans in git (committed or proposed), then persist where git put them.
    store.save(changes.written(), changes.events(), NotificationEvents.of(changes.events(), byId(changes.all()),
        loaded.state()));
    store.recordVerdicts(VerdictChanges.of(changes.written(), store::latestVerdict, now));
    phases.end("store");
    Changes published = new Changes(now, byId(store.plans()));
    git.publish(published, proposed, onMain.keySet(), commit, fetchError.isEmpty());
    phases.end("publish");
    // 10. Dispatch: approved plans in git whose entity has nothing in flight.
    for (StoredPlan s : DispatchChoice.choose(published.all(), proposed)) {
      published.move(s, PlanState.DISPATCHED, "DISPATCHED", "handed to spoke " + s.spoke());
      LOG.info("Pass {}: dispatching plan {} for {} to spoke {}", number, s.id(), s.entity(), s.spoke());
    }
    store.save(published.written(), published.events(), NotificationEvents.of(published.events(),
        byId(published.all()), loaded.state()));
    phases.end("dispatch");
    Map<String, Instant> reportedAt = new LinkedHashMap<>();
    reports.forEach((spoke, r) -> reportedAt.put(spoke, r.receivedAt()));
    HubSnapshot snapshot = new HubSnapshot(number, now, head, lastFetch, fetchError, loaded.problems(),
        loaded.state(), reported, reportedAt, Optional.of(result), store.plans(), store.approvals(),
        store.acknowledgedPlans(), fileEdits);
    phases.end("snapshot");
    if (fetchError.isEmpty() && !git.unfinished()) {
      lastFull = Optional.of(new QuietCheck(snapshot, repository.branches(GitPublisher.PLAN_BRANCHES)));
    }
    logPass(number, why, commit, changes, published, phases);
    return snapshot;
  }

  /**
   * Tells of entities newly degraded ({@code entity.degraded}): judged against the set last recorded, which is
   * written with the deliveries, so each transition is told once across passes and restarts.
   */
  private void notifyDegraded(ReportedState reported, Instant now) {
    Set<String> degraded = reported.entities().values().stream().filter(NotificationEvents::degraded)
        .map(r -> r.entity().toString()).collect(Collectors.toSet());
    Set<String> before = store.degradedEntities();
    if (!degraded.equals(before)) {
      store.recordDegraded(degraded, NotificationEvents.degraded(before, reported, loaded.state(), now));
    }
  }

  /**
   * Plans {@code input}: only the entities the change since the last planning can affect when that can be told
   * ({@link PlanningPasses}), else the whole fleet.
   */
  private PlanningResult plan(PlanningInput input, long number) {
    PlanningResult result = planner.plan(input);
    LOG.debug("Pass {}: planned {}", number, planner.decidedAgain().isPresent()
        ? planner.decidedAgain().getAsInt() + " entities again, the rest kept" : "the whole fleet");
    return result;
  }

  /**
   * Fetches, unless the remote failed lately and its backoff has not run out (a git webhook fetches regardless:
   * someone says the remote is back). The error stays shown while fetches are skipped.
   */
  private Optional<String> fetch(long number, Instant now, String why) {
    if (fetchFailures > 0 && now.isBefore(nextFetch) && !why.contains(ReconcileLoop.WEBHOOK)) {
      return fetchFailure;
    }
    long started = System.nanoTime();
    try {
      FetchResult fetched = repository.fetch();
      meters.fetched(Duration.ofNanos(System.nanoTime() - started), true);
      if (fetchFailures > 0) {
        LOG.info("Pass {}: the remote answers again after {} failed fetch(es)", number, fetchFailures);
      }
      fetchFailures = 0;
      fetchFailure = Optional.empty();
      lastFetch = Optional.of(fetched.at());
      if (fetched.rewritten()) {
        LOG.warn("Pass {}: the governed branch was rewritten (force-pushed): {} is no longer an ancestor of {}",
            number, fetched.previousHead().orElse("?"), fetched.head());
        gitEvent = Optional.of("at " + fetched.at() + " the governed branch was rewritten (force-pushed): "
            + fetched.previousHead().orElse("?") + " is no longer an ancestor of " + fetched.head()
            + "; the hub follows the new head and never pushes the old history back");
      }
      if (fetched.recloned()) {
        gitEvent = Optional.of("at " + fetched.at() + " the hub's local clone was missing or broken and was cloned"
            + " again; plans are kept in the store and in git");
      }
      return Optional.empty();
    } catch (ReconcilerException e) {
      meters.fetched(Duration.ofNanos(System.nanoTime() - started), false);
      fetchFailures++;
      Duration backoff = fetchBackoff(fetchFailures);
      nextFetch = now.plus(backoff);
      LOG.warn("Pass {}: fetch failed ({} in a row), the last fetched commit still governs; next try in {} s: {}",
          number, fetchFailures, backoff.toSeconds(), e.getMessage());
      fetchFailure = Optional.of(e.getMessage() + " (" + fetchFailures + " failed fetch(es) in a row; next try at "
          + nextFetch + ")");
      return fetchFailure;
    }
  }

  /** How long to wait after {@code failures} failed fetches in a row: 1 s, 2 s, 4 s, ... at most a minute. */
  static Duration fetchBackoff(int failures) {
    long seconds = 1L << Math.min(failures - 1, 10);
    Duration d = Duration.ofSeconds(seconds);
    return d.compareTo(FETCH_BACKOFF_CAP) > 0 ? FETCH_BACKOFF_CAP : d;
  }

  /** The last rewrite of the governed branch or re-clone the hub saw since it started, in words. */
  public Optional<String> gitEvent() {
    return gitEvent;
  }

  private ReportedState reported(Map<String, StoredReport> reports) {
    return reportedView.read(reports, id -> loaded.state().entity(id).map(Entity::product), (r, e) ->
        LOG.warn("The stored report of spoke {} no longer reads and is ignored: {}", r.spoke(), e.getMessage()));
  }

  private static Map<String, StoredPlan> byId(List<StoredPlan> plans) {
    Map<String, StoredPlan> byId = new LinkedHashMap<>();
    plans.forEach(p -> byId.put(p.id(), p));
    return byId;
  }

  private void logPass(long number, String why, String commit, Changes planned, Changes published,
      PassPhases phases) {
    phases.report(meters);
    if (planned.events().isEmpty() && published.events().isEmpty()) {
      LOG.debug("Pass {} ({}) on {}: nothing changed in {} ms ({})", number, why, abbreviate(commit),
          phases.total().toMillis(), phases);
      return;
    }
    planned.events().forEach(e -> LOG.info("Pass {}: plan {} is {}: {}", number, e.planId(), e.state(),
        e.message()));
    LOG.info("Pass {} ({}) on {}: {} plan changes, {} dispatched in {} ms ({})", number, why, abbreviate(commit),
        planned.events().size(), published.events().size(), phases.total().toMillis(), phases);
  }

  static String abbreviate(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
