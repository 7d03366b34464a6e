package io.apollo.reconciler.loop;

import io.apollo.core.config.Approval;
import io.apollo.core.config.Entity;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.ParseCache;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReport;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.dispatch.DispatchChoice;
import io.apollo.reconciler.gitsync.ConfigRepository;
import io.apollo.reconciler.gitsync.FetchResult;
import io.apollo.reconciler.gitsync.PlanEdits;
import io.apollo.reconciler.gitsync.PlanOnBranch;
import io.apollo.reconciler.store.DispatchAttempt;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import io.apollo.reconciler.store.StoredReport;
import java.nio.charset.StandardCharsets;
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
  private final ConfigLoader loader;
  private final ParseCache cache = new ParseCache();
  private final Executor workers;
  private final Clock clock;
  private final Planner planner = new Planner(new ConstraintEvaluator());
  private final GitPublisher git;
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
    this.loader = loader;
    this.workers = workers;
    this.clock = clock;
    this.git = new GitPublisher(repository);
  }

  /** Runs one pass; {@code why} names its triggers for the log. Never throws for git being unreachable. */
  public HubSnapshot pass(long number, String why) {
    Instant now = clock.instant();
    // 1. Fetch: a remote that cannot be reached leaves the last fetched head governing.
    Optional<String> fetchError = fetch(number, now, why);
    Optional<String> head = repository.head();
    if (head.isEmpty()) {
      return new HubSnapshot(number, now, Optional.empty(), lastFetch, fetchError, List.of(),
          io.apollo.core.config.DesiredState.empty(), ReportedState.empty(), Map.of(), Optional.empty(),
          store.plans(), store.approvals(), store.acknowledgedPlans());
    }
    // 2. Load the commit (only changed blobs are parsed again).
    String commit = head.get();
    if (!loadedCommit.equals(head)) {
      loaded = loader.load(repository.source(commit), workers, cache);
      loadedCommit = head;
      store.putMeta("governing_commit", commit);
      LOG.info("Pass {}: loaded commit {} ({} entities, {} problems)", number, abbreviate(commit),
          loaded.state().entities().size(), loaded.problems().size());
    }
    // 3. Read the reports: the spokes' truth about what runs.
    Map<String, StoredReport> reports = store.reports();
    ReportedState reported = reported(reports);
    // 4. Read approvals from git and remember them.
    Map<String, PlanOnBranch> onMain = repository.plansOnBranch(commit);
    store.recordApprovals(approvalsSeen(onMain));
    Map<String, List<StoredApproval>> approvals = store.approvals();
    // 5. Follow reports: handed-over plans become RUNNING, SUCCEEDED or FAILED.
    Changes changes = new Changes(now, byId(store.plans()));
    for (String planId : ReportFollower.follow(changes, reported)) {
      StoredPlan p = changes.get(planId).orElseThrow();
      store.recordDispatch(new DispatchAttempt(planId, p.spoke(), now, true, "a report of the spoke names it"));
    }
    // 6. Plan: entities on spokes that never reported get none (DESIGN.md section 5).
    Set<String> failed = changes.all().stream().filter(p -> p.state() == PlanState.FAILED)
        .map(StoredPlan::id).collect(Collectors.toSet());
    Map<String, List<Approval>> given = accepted(approvals);
    PlanningResult result = planner.plan(new PlanningInput(RolesAsApproved.of(loaded.state(), given), reported,
        now, given, failed));
    List<Plan> proposed = result.plans().stream().filter(p -> reports.containsKey(p.spoke())).toList();
    // 7. Diff against the store.
    Map<String, ObjectNode> bodies = new HashMap<>();
    proposed.forEach(p -> bodies.put(p.id(), PlanBody.of(p, loaded.state(), commit)));
    PlanDiff.apply(changes, result, proposed, bodies);
    // 8. Persist, then put plans in git (committed or proposed), then persist where git put them.
    store.save(changes.written(), changes.events());
    Changes published = new Changes(now, byId(store.plans()));
    git.publish(published, proposed, onMain.keySet(), commit, fetchError.isEmpty());
    // 9. Dispatch: approved plans in git whose entity has nothing in flight.
    for (StoredPlan s : DispatchChoice.choose(published.all(), proposed)) {
      published.move(s, PlanState.DISPATCHED, "DISPATCHED", "handed to spoke " + s.spoke());
      LOG.info("Pass {}: dispatching plan {} for {} to spoke {}", number, s.id(), s.entity(), s.spoke());
    }
    store.save(published.written(), published.events());
    logPass(number, why, commit, changes, published);
    Map<String, Instant> reportedAt = new LinkedHashMap<>();
    reports.forEach((spoke, r) -> reportedAt.put(spoke, r.receivedAt()));
    return new HubSnapshot(number, now, head, lastFetch, fetchError, loaded.problems(), loaded.state(), reported,
        reportedAt, Optional.of(result), store.plans(), store.approvals(), store.acknowledgedPlans());
  }

  /**
   * Fetches, unless the remote failed lately and its backoff has not run out (a git webhook fetches regardless:
   * someone says the remote is back). The error stays shown while fetches are skipped.
   */
  private Optional<String> fetch(long number, Instant now, String why) {
    if (fetchFailures > 0 && now.isBefore(nextFetch) && !why.contains("git webhook")) {
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
    List<SpokeReport> all = new ArrayList<>();
    for (StoredReport r : reports.values()) {
      try {
        all.addAll(SpokeReportJson.read("stored report of spoke " + r.spoke(),
            r.json().getBytes(StandardCharsets.UTF_8), id -> loaded.state().entity(id).map(Entity::product)));
      } catch (RuntimeException e) {
        LOG.warn("The stored report of spoke {} no longer reads and is ignored: {}", r.spoke(), e.getMessage());
      }
    }
    return ReportedState.of(all);
  }

  /**
   * Each piece of git evidence as stored approvals: one per role it meets, or one refused. Evidence is judged
   * against the plan file as its own commit left it (DESIGN.md section 4): an approval given to a file edited
   * beyond approving it (another version, a dropped role) approves something the hub will not run, and is refused
   * for good; an approval given to the file as proposed stands when someone edits the file later. The hub only
   * ever dispatches the plan it proposed, from its store.
   */
  private List<StoredApproval> approvalsSeen(Map<String, PlanOnBranch> onMain) {
    Map<String, String> proposedFiles = new HashMap<>();
    for (StoredPlan plan : store.plans()) {
      if (onMain.containsKey(plan.id())) {
        PlanBody.proposedFile(plan).ifPresent(file -> proposedFiles.put(plan.id(), file));
      }
    }
    return approvalsSeen(onMain, (plan, commit) -> Optional.ofNullable(proposedFiles.get(plan.planId()))
        .map(proposed -> PlanEdits.changedFields(proposed, plan.contentAt(commit))).orElse(List.of()));
  }

  /** As above, with {@code edits} giving the fields a plan file at a commit changed from what the hub proposed. */
  static List<StoredApproval> approvalsSeen(Map<String, PlanOnBranch> onMain,
      java.util.function.BiFunction<PlanOnBranch, String, List<String>> edits) {
    List<StoredApproval> seen = new ArrayList<>();
    onMain.values().forEach(plan -> plan.approvals().forEach(e -> {
      List<String> changed = edits.apply(plan, e.commit());
      if (!changed.isEmpty()) {
        seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(), e.claimedRole(), e.kind().name(), e.at(),
            Optional.of("the plan file was changed beyond approving it (" + String.join(", ", changed.stream()
                .map(f -> f.isEmpty() ? "the whole file" : f).toList()) + "): the hub runs only the plan it"
                + " proposed; restore the file and approve again"), Optional.of("PLAN_EDITED")));
      } else if (e.accepted() && !e.rolesMet().isEmpty()) {
        e.rolesMet().forEach(role -> seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(),
            Optional.of(role), e.kind().name(), e.at(), Optional.empty(), Optional.empty())));
      } else {
        seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(), e.claimedRole(), e.kind().name(), e.at(),
            e.refusal().or(() -> Optional.of(e.by() + " holds none of the roles this plan needs")),
            e.refusalReason().map(Enum::name).or(() -> Optional.of("HOLDS_NO_ROLE"))));
      }
    }));
    return seen;
  }

  /** Accepted approvals as the planner takes them: one per role met. */
  static Map<String, List<Approval>> accepted(Map<String, List<StoredApproval>> approvals) {
    Map<String, List<Approval>> byPlan = new HashMap<>();
    approvals.forEach((planId, list) -> byPlan.put(planId, list.stream().filter(StoredApproval::accepted)
        .map(a -> new Approval(a.by(), a.role(), Optional.of(a.at()))).toList()));
    return byPlan;
  }

  private static Map<String, StoredPlan> byId(List<StoredPlan> plans) {
    Map<String, StoredPlan> byId = new LinkedHashMap<>();
    plans.forEach(p -> byId.put(p.id(), p));
    return byId;
  }

  private static void logPass(long number, String why, String commit, Changes planned, Changes published) {
    if (planned.events().isEmpty() && published.events().isEmpty()) {
      LOG.debug("Pass {} ({}) on {}: nothing changed", number, why, abbreviate(commit));
      return;
    }
    planned.events().forEach(e -> LOG.info("Pass {}: plan {} is {}: {}", number, e.planId(), e.state(),
        e.message()));
    LOG.info("Pass {} ({}) on {}: {} plan changes, {} dispatched", number, why, abbreviate(commit),
        planned.events().size(), published.events().size());
  }

  static String abbreviate(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
