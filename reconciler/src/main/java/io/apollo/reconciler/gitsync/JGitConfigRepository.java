package io.apollo.reconciler.gitsync;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.ConfigSource;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * {@link ConfigRepository} on JGit: a bare clone in the hub's data folder, commits written straight into the object
 * database (no working tree), pushes never forced. Every public method takes one lock, so calls are serialised.
 *
 * <p>Faults it absorbs: a remote that cannot be reached (the last fetched head stays readable; the next fetch
 * after the remote is back works on the same clone), history rewritten on the remote (followed, and reported in
 * {@link FetchResult#rewritten()}), a local clone that is missing or broken (cloned afresh beside it on the next
 * fetch, then swapped in, the old one moved aside to {@code <localDir>.broken}; reported in
 * {@link FetchResult#recloned()}), and lock files left by a hub killed mid-write.
 */
public final class JGitConfigRepository implements ConfigRepository {
  /** How many times a push that lost a race is re-done on the new head before giving up. */
  static final int PUSH_TRIES = 5;

  private final GitSettings settings;
  private final Remote remote;
  private final GitSettings.Identity identity;
  private final Clock clock;
  private final long maxFileBytes;
  private final PlanReader plans;
  /** Folders of commits listed before, by tree id: listing a new commit walks only the folders it changed. */
  private final TreeListings listings = new TreeListings();
  private final ReentrantLock lock = new ReentrantLock();

  private final CloneKeeper clone;
  private ObjectId head;
  /** Set when a read failed in a way that may mean a broken clone: the next fetch checks every object. */
  private volatile boolean suspect;

  private JGitConfigRepository(GitSettings settings, Clock clock) {
    this.settings = settings;
    this.remote = new Remote(settings.remote(), settings.timeout(), settings.access());
    this.identity = new GitSettings.Identity(settings.identityName(), settings.identityEmail());
    this.clock = clock;
    this.maxFileBytes = YamlLimits.defaults().maxFileBytes();
    this.clone = CloneKeeper.open(settings.localDir(), settings.branch(), remote);
    this.plans = new PlanReader(new RoleIndex(ConfigLoader.withDefaults(), maxFileBytes, listings), identity.email());
  }

  /**
   * Opens the repository described by {@code settings} without touching the network: when the local clone is
   * usable, {@link #head()} is at once what it last fetched (a restarted hub keeps governing by its last good
   * commit while the remote is away); the first {@link #fetch()} clones or repairs it as needed.
   */
  public static JGitConfigRepository open(GitSettings settings) {
    return open(settings, Clock.systemUTC());
  }

  static JGitConfigRepository open(GitSettings settings, Clock clock) {
    JGitConfigRepository repository = new JGitConfigRepository(settings, clock);
    repository.head = repository.clone.lastFetchedIfReadable().orElse(null);
    return repository;
  }

  @Override
  public FetchResult fetch() {
    return locked(() -> {
      Optional<ObjectId> previous = Optional.ofNullable(head);
      boolean recloned = false;
      if (!clone.usable(suspect)) {
        recloned = clone.hadClone();
        clone.cloneAfresh(recloned ? brokenClone() : governingBy());
      } else {
        try {
          clone.fetch();
        } catch (ReconcilerException failed) {
          if (clone.usable(true)) {
            throw new ReconcilerException(failed.getMessage() + governingBy(), failed);
          }
          recloned = true;
          clone.cloneAfresh(brokenClone());
        }
      }
      ObjectId fetched = clone.trackedHead(governingBy());
      Optional<String> unreadable = clone.check(fetched, suspect);
      if (unreadable.isPresent()) {
        if (recloned) {
          throw new ReconcilerException("fetched " + settings.branch() + " from " + remote + " but " + unreadable.get()
              + governingBy());
        }
        recloned = true;
        clone.cloneAfresh(brokenClone());
        fetched = clone.trackedHead(governingBy());
      }
      boolean rewritten = previous.isPresent() && !previous.get().equals(fetched)
          && !clone.isAncestor(previous.get(), fetched);
      head = fetched;
      suspect = false;
      return new FetchResult(fetched.name(), previous.map(ObjectId::name), rewritten, clock.instant(), recloned);
    });
  }

  @Override
  public Optional<String> head() {
    return locked(() -> Optional.ofNullable(head).map(ObjectId::name));
  }

  @Override
  public ConfigSource source(String commit) {
    return locked(() -> new WatchedSource(new GitCommitSource(repository(), resolve(commit), maxFileBytes, listings),
        () -> suspect = true));
  }

  @Override
  public String commitToBranch(List<FileWrite> files, String message) {
    return locked(() -> {
      ObjectId base = currentHead();
      for (int attempt = 1; attempt <= PUSH_TRIES; attempt++) {
        Optional<ObjectId> commit =
            CommitWriter.commit(repository(), base, files, identity, message, false);
        if (commit.isEmpty()) {
          return base.name();
        }
        RemoteRefUpdate pushed = remote.push(repository(), Constants.R_HEADS + settings.branch(), commit.get(), base);
        if (pushed.getStatus() == RemoteRefUpdate.Status.OK) {
          clone.setTracking(settings.branch(), commit.get());
          head = commit.get();
          return head.name();
        }
        if (!Remote.lostRace(pushed)) {
          throw remote.refused("commit " + files.size() + " file(s) to " + settings.branch(), pushed);
        }
        pauseBeforeRetry(attempt);
        base = currentHeadAfterFetch();
      }
      throw new ReconcilerException("could not commit to " + settings.branch() + " of " + remote + ": the branch moved "
          + "on " + PUSH_TRIES + " times while the hub was pushing; it will try again on the next pass");
    });
  }

  @Override
  public Optional<String> propose(String branch, List<FileWrite> files, String message) {
    return locked(() -> {
      String ref = checkedBranchRef(branch);
      ObjectId base = currentHead();
      ObjectId commit = CommitWriter.commit(repository(), base, files, identity, message, true).orElseThrow();
      // Expect the branch to be absent: when it exists, the remote refuses and the proposal is already there.
      RemoteRefUpdate pushed = remote.push(repository(), ref, commit, ObjectId.zeroId());
      switch (pushed.getStatus()) {
        case OK -> {
          clone.setTracking(branch, commit);
          return Optional.of(commit.name());
        }
        case UP_TO_DATE, REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
          return Optional.<String>empty();
        }
        default -> throw remote.refused("propose branch " + branch, pushed);
      }
    });
  }

  @Override
  public void deleteBranch(String branch) {
    locked(() -> {
      String ref = checkedBranchRef(branch);
      RemoteRefUpdate pushed = remote.push(repository(), ref, null, null);
      switch (pushed.getStatus()) {
        case OK, NON_EXISTING, UP_TO_DATE -> clone.setTracking(branch, null);
        default -> throw remote.refused("delete branch " + branch, pushed);
      }
      return null;
    });
  }

  @Override
  public boolean deleteMergedBranch(String branch, String commit) {
    return locked(() -> {
      String ref = checkedBranchRef(branch);
      Optional<ObjectId> tip = clone.tracking(branch);
      if (tip.isEmpty() || !clone.isAncestor(tip.get(), resolve(commit))) {
        return false;
      }
      // Expecting the tip we judged: if someone pushed to the branch meanwhile, the remote refuses the delete.
      RemoteRefUpdate pushed = remote.push(repository(), ref, null, tip.get());
      return switch (pushed.getStatus()) {
        case OK, NON_EXISTING -> {
          clone.setTracking(branch, null);
          yield true;
        }
        default -> {
          if (Remote.lostRace(pushed)) {
            yield false;
          }
          throw remote.refused("delete merged branch " + branch, pushed);
        }
      };
    });
  }

  @Override
  public Set<String> branches(String prefix) {
    return locked(() -> {
      try {
        return clone.branches(prefix);
      } catch (IOException e) {
        suspect = true;
        throw new ReconcilerException("cannot list the branches of " + settings.localDir() + ": " + e.getMessage(), e);
      }
    });
  }

  @Override
  public Optional<GovernedPolicy> governedPolicy(String commit) {
    return locked(() -> plans.roles().governed(repository(), resolve(commit)));
  }

  /**
   * From now on, changes to {@code Role} and {@code ApprovalPolicy} documents govern only when their commit on the
   * governed branch is signed by one of {@code adminKeys}; call before the first read.
   */
  public void requireAdminSignatures(List<io.apollo.core.config.SshPublicKey> adminKeys) {
    locked(() -> {
      plans.roles().requireAdminSignatures(adminKeys);
      return null;
    });
  }

  @Override
  public Map<String, PlanOnBranch> plansOnBranch(String commit) {
    return locked(() -> {
      ObjectId id = resolve(commit);
      try {
        return plans.read(repository(), id);
      } catch (ReconcilerException e) {
        suspect = true;
        throw e;
      }
    });
  }

  @Override
  public void close() {
    locked(() -> {
      clone.close();
      remote.close();
      return null;
    });
  }

  // ---- helpers; all run under the lock

  private Repository repository() {
    return clone.repository();
  }

  private ObjectId currentHead() {
    return head != null ? head : currentHeadAfterFetch();
  }

  private ObjectId currentHeadAfterFetch() {
    fetch();
    return head;
  }

  private ObjectId resolve(String commit) {
    if (ObjectId.isId(commit)) {
      return ObjectId.fromString(commit);
    }
    return GitCommitSource.resolve(repository(), commit);
  }

  private String checkedBranchRef(String branch) {
    String ref = Constants.R_HEADS + branch;
    if (!Repository.isValidRefName(ref) || branch.equals(settings.branch())) {
      throw new ReconcilerException("'" + branch + "' is not a branch the hub may propose on or delete: give a "
          + "valid name other than the governed branch " + settings.branch());
    }
    return ref;
  }

  /** A short random pause, longer with each try, so that two writers racing for the branch fall out of step. */
  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 50L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReconcilerException("interrupted while re-doing a commit that lost a race", e);
    }
  }

  private String brokenClone() {
    return "; the hub's clone in " + settings.localDir() + " is missing or unreadable and will be made again once "
        + "the remote answers" + governingBy();
  }

  private String governingBy() {
    return head == null ? "" : "; still governing by commit " + head.name() + " as last fetched";
  }

  private <T> T locked(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
