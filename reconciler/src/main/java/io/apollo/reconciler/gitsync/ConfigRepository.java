package io.apollo.reconciler.gitsync;

import io.apollo.core.load.ConfigSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hub's view of the config repository (DESIGN.md section 4): a local clone in the hub's data folder of one
 * governed branch of a remote. Every method blocks on git (JGit): call it from a worker or virtual thread, never an
 * event loop. Implementations serialise calls, so callers need not.
 *
 * <p>The hub never force-pushes: every write is a fast-forward of the remote, and a push that loses a race with a
 * person's push is re-done on the new head.
 */
public interface ConfigRepository extends AutoCloseable {

  /**
   * Clones the remote when there is no usable local clone, else fetches; returns the governed branch's head.
   *
   * @throws io.apollo.reconciler.ReconcilerException when the remote cannot be reached or has no such branch; the
   *     last fetched head stays readable through {@link #head()} and {@link #source(String)}
   */
  FetchResult fetch();

  /**
   * The governed branch's head as last fetched; empty before the first successful fetch. A hub restarted on a usable
   * local clone starts with the head that clone last fetched, so it keeps governing while the remote is away.
   */
  Optional<String> head();

  /** One commit's tree as a config source (no working tree: read from the object database). */
  ConfigSource source(String commit);

  /**
   * Writes {@code files} on top of the governed branch's head in one commit with the hub's identity and pushes it.
   * Files already present with the same content are left out; when nothing is left, nothing is committed. When
   * the push is refused because the remote moved on, fetches and re-does the commit on the new head.
   *
   * @return the governed branch's head afterwards (the new commit, or the old head when nothing changed)
   */
  String commitToBranch(List<FileWrite> files, String message);

  /**
   * Proposes {@code files} on branch {@code branch} (one commit with the hub's identity, on top of the governed
   * branch's head) and pushes it. Idempotent: when the remote already has the branch, nothing is done.
   *
   * @return the proposal commit the push put on the branch; empty when the branch was there already
   */
  Optional<String> propose(String branch, List<FileWrite> files, String message);

  /** Deletes {@code branch} on the remote; nothing happens when it is not there. */
  void deleteBranch(String branch);

  /**
   * Deletes {@code branch} on the remote when its tip, as last fetched, is merged into {@code commit} (an ancestor
   * of it), as a hosted server's "delete branch after merge" does; the delete is refused by the remote if the
   * branch moved since. A branch with commits of its own that {@code commit} lacks (a squash merge, work pushed
   * after the merge) is kept. Returns whether it was deleted.
   */
  boolean deleteMergedBranch(String branch, String commit);

  /** The remote's branches whose names start with {@code prefix} (such as {@code apollo/plan/}), as last fetched. */
  Set<String> branches(String prefix);

  /**
   * Every plan file ({@code plans/<environment>/<plan-id>.yaml}) on the governed branch at {@code commit}, by plan
   * id, with the approvals git records for it (DESIGN.md section 4): who brought the file to the branch (the author
   * of the first-parent commit that added it; the hub's own commit approves nothing) and each entry of its
   * {@code spec.approvals}, each judged against role membership as it was before the commit that made it.
   */
  Map<String, PlanOnBranch> plansOnBranch(String commit);

  /**
   * The roles and approval policies that govern at {@code commit} when changes to them must be signed by an admin
   * key (hub {@code --admin-keys}); empty when they need not be, and the commit's own documents govern.
   */
  default Optional<GovernedPolicy> governedPolicy(String commit) {
    return Optional.empty();
  }

  @Override
  void close();
}
