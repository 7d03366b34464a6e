package io.apollo.cli.plans;

import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Git;
import io.apollo.core.config.PlanDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The plans the repository holds: plan files on the head commit (approved) and on the {@code apollo/plan/<id>}
 * branches, local and fetched from the remote (proposed). This is what can be known without a hub; the hub adds
 * what happened next (dispatched, running, succeeded).
 */
public final class GitPlans {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private GitPlans() {}

  /** Every plan on main and on plan branches, main first; a branch whose plan is on main already is left out. */
  public static List<GitPlan> list(ConfigRepo.Snapshot head) {
    Map<String, GitPlan> plans = new LinkedHashMap<>();
    for (PlanDocument document : head.state().plans()) {
      read(head.repo(), head.commit(), document.origin().path(), document.id(), true)
          .ifPresent(p -> plans.put(p.id(), p));
    }
    for (String ref : branches(head.repo())) {
      String id = ref.substring(ref.lastIndexOf('/') + 1);
      if (!plans.containsKey(id)) {
        planPath(head.repo().git(), ref, id).flatMap(path -> read(head.repo(), ref, path, id, false))
            .ifPresent(p -> plans.put(id, p));
      }
    }
    return new ArrayList<>(plans.values());
  }

  public static Optional<GitPlan> find(ConfigRepo.Snapshot head, String id) {
    return list(head).stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Brings the remote's plan branches here, so proposals made since the last fetch are seen. */
  public static void fetch(ConfigRepo repo) {
    repo.remote().ifPresent(remote -> repo.git().tryRun("fetch", "--quiet", "--prune", remote,
        "+refs/heads/apollo/plan/*:refs/remotes/" + remote + "/apollo/plan/*"));
  }

  /** Plan branches, remote-tracking first (they are what others see), then local ones. */
  static List<String> branches(ConfigRepo repo) {
    List<String> refs = new ArrayList<>();
    repo.remote().ifPresent(remote -> refs.addAll(repo.git().run("for-each-ref", "--format=%(refname)",
        "refs/remotes/" + remote + "/apollo/plan/").lines().filter(l -> !l.isBlank()).toList()));
    refs.addAll(repo.git().run("for-each-ref", "--format=%(refname)", "refs/heads/apollo/plan/").lines()
        .filter(l -> !l.isBlank()).toList());
    return refs;
  }

  private static Optional<String> planPath(Git git, String ref, String id) {
    return git.run("ls-tree", "-r", "--name-only", ref, "--", "plans/").lines()
        .filter(path -> path.endsWith("/" + id + ".yaml") || path.endsWith("/" + id + ".yml")).findFirst();
  }

  private static Optional<GitPlan> read(ConfigRepo repo, String ref, String path, String id, boolean onMain) {
    return repo.readAt(ref, path).map(text -> {
      JsonNode tree = YAML.readTree(text);
      return new GitPlan(id, onMain, ref, path, tree.path("spec"));
    });
  }
}
