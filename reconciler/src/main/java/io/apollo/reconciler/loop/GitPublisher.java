package io.apollo.reconciler.loop;

import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanFile;
import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.gitsync.ConfigRepository;
import io.apollo.reconciler.gitsync.FileWrite;
import io.apollo.reconciler.store.GitPlace;
import io.apollo.reconciler.store.StoredPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one pass's plans in git (DESIGN.md section 4): approved plans that need no approval are committed to the
 * governed branch in one commit; plans that need approval (blocked or not, so reviewers see them early) are proposed
 * on {@code apollo/plan/<id>}; superseded plans' branches are deleted. A git failure is logged and left for the next
 * pass: the plan keeps its place, so nothing is marked done that git did not take.
 */
final class GitPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(GitPublisher.class);

  /** The prefix of the branches plans are proposed on. */
  static final String PLAN_BRANCHES = "apollo/plan/";

  private final ConfigRepository repository;
  /** Whether the last {@link #publish} left git work for the next pass (a commit, proposal or deletion failed). */
  private boolean unfinished;

  GitPublisher(ConfigRepository repository) {
    this.repository = repository;
  }

  /**
   * @param onMain the plan ids whose file the governed branch holds (merged or committed)
   * @param fetched whether this pass's fetch reached the remote: only then does a missing branch mean deleted
   */
  void publish(Changes changes, List<Plan> proposed, Set<String> onMain, String commit, boolean fetched) {
    unfinished = false;
    for (StoredPlan s : changes.all()) {
      if (onMain.contains(s.id()) && s.git() != GitPlace.ON_MAIN && s.state() != PlanState.SUPERSEDED) {
        changes.put(s.withGit(GitPlace.ON_MAIN, changes.at()));
      }
    }
    if (fetched) {
      cancelDeleted(changes, onMain);
      deleteMerged(changes, onMain, commit);
    }
    commitUnapproved(changes, proposed, commit);
    propose(changes, proposed, commit);
    withdraw(changes);
  }

  /** Whether the last {@link #publish} left git work undone, which the next pass must try again. */
  boolean unfinished() {
    return unfinished;
  }

  private void commitUnapproved(Changes changes, List<Plan> proposed, String commit) {
    List<FileWrite> files = new ArrayList<>();
    List<StoredPlan> plans = new ArrayList<>();
    for (Plan plan : proposed) {
      StoredPlan s = changes.get(plan.id()).orElseThrow();
      if (plan.requiredRoles().isEmpty() && s.state() == PlanState.APPROVED && s.git() == GitPlace.NONE) {
        String file = PlanFile.render(plan, java.util.Optional.of(commit));
        files.add(new FileWrite(PlanFile.path(plan), file));
        plans.add(PlanBody.withProposedFile(s, file));
      }
    }
    if (files.isEmpty()) {
      return;
    }
    String message = "Apollo: " + files.size() + " approved plan" + (files.size() == 1 ? "" : "s")
        + " (no approval needed)\n\n" + String.join("\n", plans.stream().map(GitPublisher::line).toList())
        + "\n\nComputed from " + commit + ".";
    try {
      String head = repository.commitToBranch(files, message);
      plans.forEach(s -> changes.put(s.withGit(GitPlace.ON_MAIN, changes.at())));
      LOG.info("Committed {} plan(s) needing no approval to the governed branch as {}", files.size(), head);
    } catch (ReconcilerException e) {
      unfinished = true;
      LOG.warn("Could not commit {} plan(s) to the governed branch; the next pass tries again: {}", files.size(),
          e.getMessage());
    }
  }

  private void propose(Changes changes, List<Plan> proposed, String commit) {
    for (Plan plan : proposed) {
      StoredPlan s = changes.get(plan.id()).orElseThrow();
      if (plan.requiredRoles().isEmpty() || s.git() != GitPlace.NONE || !PlanDiff.WAITING.contains(s.state())) {
        continue;
      }
      String branch = PlanFile.branch(plan);
      String message = "Apollo: propose " + line(s) + "\n\nNeeds approval by " + String.join(", ",
          plan.requiredRoles()) + ": merge this branch to approve (the merge commit's author approves)."
          + "\nComputed from " + commit + ".";
      String file = PlanFile.render(plan, java.util.Optional.of(commit));
      try {
        java.util.Optional<String> proposal = repository.propose(branch,
            List.of(new FileWrite(PlanFile.path(plan), file)), message);
        StoredPlan withFile = PlanBody.withProposedFile(s, file);
        changes.put(proposal.map(c -> PlanBody.withProposalCommit(withFile, c)).orElse(withFile)
            .withGit(GitPlace.PROPOSED, changes.at()));
        LOG.info("Proposed plan {} for {} on branch {}; it needs approval by {}", plan.id(), plan.entity(), branch,
            String.join(", ", plan.requiredRoles()));
      } catch (ReconcilerException e) {
        unfinished = true;
        LOG.warn("Could not propose plan {} on branch {}; the next pass tries again: {}", plan.id(), branch,
            e.getMessage());
      }
    }
  }

  /**
   * A proposal whose branch a person deleted without merging it is withdrawn by them: the plan is CANCELLED with
   * the reason, and never proposed again (a plan is proposed only while it has no place in git).
   */
  private void cancelDeleted(Changes changes, Set<String> onMain) {
    Set<String> branches = repository.branches(PLAN_BRANCHES);
    for (StoredPlan s : changes.all()) {
      if (s.git() == GitPlace.PROPOSED && PlanDiff.WAITING.contains(s.state()) && !onMain.contains(s.id())
          && !branches.contains("apollo/plan/" + s.id())) {
        changes.move(s, PlanState.CANCELLED, "BRANCH_DELETED", "branch apollo/plan/" + s.id()
            + " was deleted without being merged: the proposal is cancelled; change desired state for a new plan");
        LOG.info("Plan {} for {} is cancelled: its branch was deleted without being merged", s.id(), s.entity());
      }
    }
  }

  /**
   * A plan branch merged into the governed branch has done its work: it is deleted, as a hosted server's "delete
   * branch after merge" would, so merged proposals do not pile up. Only a branch whose tip the governed branch
   * contains; a squash-merged one, or one with later commits, is left to people. A failure is only logged: the
   * branch is tidied on a later pass.
   */
  private void deleteMerged(Changes changes, Set<String> onMain, String commit) {
    Set<String> branches = repository.branches(PLAN_BRANCHES);
    for (StoredPlan s : changes.all()) {
      String branch = PLAN_BRANCHES + s.id();
      if (!onMain.contains(s.id()) || !branches.contains(branch)) {
        continue;
      }
      try {
        if (repository.deleteMergedBranch(branch, commit)) {
          LOG.info("Deleted branch {}: plan {} is merged", branch, s.id());
        }
      } catch (ReconcilerException e) {
        LOG.warn("Could not delete the merged branch {}; a later pass tries again: {}", branch, e.getMessage());
      }
    }
  }

  private void withdraw(Changes changes) {
    for (StoredPlan s : changes.all()) {
      if (s.state() != PlanState.SUPERSEDED || s.git() != GitPlace.PROPOSED) {
        continue;
      }
      String branch = PLAN_BRANCHES + s.id();
      try {
        repository.deleteBranch(branch);
        changes.put(s.withGit(GitPlace.WITHDRAWN, changes.at()));
        LOG.info("Deleted branch {}: plan {} is superseded", branch, s.id());
      } catch (ReconcilerException e) {
        unfinished = true;
        LOG.warn("Could not delete branch {}; the next pass tries again: {}", branch, e.getMessage());
      }
    }
  }

  private static String line(StoredPlan s) {
    return s.id() + " for " + s.entity();
  }
}
