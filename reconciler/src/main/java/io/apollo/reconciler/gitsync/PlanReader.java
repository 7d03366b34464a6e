package io.apollo.reconciler.gitsync;

import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.reconciler.gitsync.PlanHistory.FileHistory;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * {@link ConfigRepository#plansOnBranch(String)} with its caches: answers by commit are kept, and a new commit is
 * read starting from the last answer (only the commits since are walked, and only the plan files they touched are
 * judged again). Not thread-safe: its owner serialises calls.
 */
final class PlanReader {
  private final RoleIndex roles;
  private final String hubEmail;
  private final Map<ObjectId, Map<String, PlanOnBranch>> byCommit = RoleIndex.lru(16);
  /** The plan file histories and judgements last computed: the next call starts from them when it can. */
  private PlanHistory.Snapshot lastHistories;
  private Map<String, PlanOnBranch> lastJudged = Map.of();

  PlanReader(RoleIndex roles, String hubEmail) {
    this.roles = roles;
    this.hubEmail = hubEmail;
  }

  RoleIndex roles() {
    return roles;
  }

  /** The plan files at {@code commit}, by plan id, with their approvals judged. */
  Map<String, PlanOnBranch> read(Repository repository, ObjectId commit) {
    Map<String, PlanOnBranch> known = byCommit.get(commit);
    if (known != null) {
      return known;
    }
    ApprovalJudge judge = new ApprovalJudge(repository, roles, hubEmail, YamlLimits.defaults());
    Map<String, PlanOnBranch> plans = new TreeMap<>();
    Map<String, PlanOnBranch> judgedByPath = new TreeMap<>();
    try (ObjectReader reader = repository.newObjectReader()) {
      Map<String, FileHistory> histories = PlanHistory.of(reader, commit, Optional.ofNullable(lastHistories));
      for (FileHistory file : histories.values()) {
        // A history the commits since last time left alone is the same object: its judgement stands.
        boolean unchanged = lastHistories != null && lastHistories.files().get(file.path()) == file;
        PlanOnBranch plan = unchanged && lastJudged.containsKey(file.path())
            ? lastJudged.get(file.path()) : judge.judge(reader, file);
        judgedByPath.put(file.path(), plan);
        plans.putIfAbsent(file.planId(), plan);
      }
      lastHistories = new PlanHistory.Snapshot(commit.copy(), histories);
      lastJudged = judgedByPath;
    }
    Map<String, PlanOnBranch> result = Collections.unmodifiableMap(plans);
    byCommit.put(commit.copy(), result);
    return result;
  }
}
