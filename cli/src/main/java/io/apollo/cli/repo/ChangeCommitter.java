package io.apollo.cli.repo;

import io.apollo.cli.CliException;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Makes a {@link Change} a commit, never leaving an invalid repository behind:
 *
 * <ol>
 *   <li>check the ground: on a branch, the files to edit unchanged locally, nothing on the remote missing here;
 *   <li>build the commit with git's plumbing (a private index, {@code commit-tree}), referenced by nothing yet;
 *   <li>load it as the hub would and refuse, with {@code path:line:col} lines, any problem the base did not have;
 *   <li>move the branch to it (compare-and-swap), bring the edited files in the folder up to date, and push; or,
 *       for a proposal, point a new branch {@code apollo/...} at it and push that.
 * </ol>
 *
 * Git's identity, config and signing settings apply to the commit ({@code commit-tree}); hooks do not run. Nothing is
 * ever force-pushed: a push that loses a race is reported with the command that resolves it.
 */
public final class ChangeCommitter {
  private final ConfigRepo repo;

  public ChangeCommitter(ConfigRepo repo) {
    this.repo = repo;
  }

  /** What the change made, once validated; {@code loaded} is the candidate commit as loaded. */
  public record Validated(String base, String commit, LoadResult loaded) {}

  /** Commits the change on the checked-out branch and pushes it. */
  public Outcome commit(Change change) {
    String branch = repo.branch().orElseThrow(() -> new CliException("HEAD is detached in " + repo.root()
        + "; check out the branch to change (git switch main), or use --pull-request"));
    repo.requireUnchanged(change.files().keySet());
    repo.requireUpToDate();
    Validated made = build(repo.head(), change);
    List<String> touched = List.of(repo.git().run("diff", "--name-only", made.base(), made.commit()).split("\n"));
    repo.requireUnchanged(touched.stream().filter(p -> !p.isBlank()).toList());
    repo.git().run("update-ref", "-m", "apollo: " + firstLine(change.message()), "refs/heads/" + branch,
        made.commit(), made.base());
    syncFolder(touched);
    return new Outcome(made.commit(), branch, push(branch, repo.remoteBranch().orElse(branch)), false);
  }

  /** Commits the change on a new branch {@code apollo/<proposal>} made from the remote's head, and pushes it. */
  public Outcome propose(Change change) {
    return propose(change, Optional.empty());
  }

  /**
   * Commits the change on the new branch {@code exactBranch} (refused when it exists: a proposal is never
   * overwritten), or on a free {@code apollo/<proposal>} name, made from the remote's head, and pushes it.
   */
  public Outcome propose(Change change, Optional<String> exactBranch) {
    exactBranch.filter(this::exists).ifPresent(b -> {
      throw new CliException("branch " + b + " exists already; nothing was proposed (apollo plan list shows it)");
    });
    repo.requireUpToDate();
    String base = repo.remote().flatMap(r -> repo.remoteBranch().map(b -> r + "/" + b))
        .filter(ref -> repo.git().tryRun("rev-parse", "--verify", "--quiet", "refs/remotes/" + ref).ok())
        .map(ref -> repo.resolve("refs/remotes/" + ref))
        .orElseGet(repo::head);
    Validated made = build(base, change);
    String branch = exactBranch.orElseGet(() -> freeBranchName("apollo/" + change.proposal()));
    repo.git().run("update-ref", "refs/heads/" + branch, made.commit(), "");
    return new Outcome(made.commit(), branch, push(branch, branch), true);
  }

  /** Builds and validates the commit of {@code change} on top of {@code base}, referenced by nothing. */
  public Validated build(String base, Change change) {
    String tree = change.merge().map(tip -> mergeTree(base, tip)).orElseGet(() -> writeTree(base, change));
    List<String> args = new ArrayList<>(List.of("commit-tree", tree, "-p", base));
    change.merge().ifPresent(tip -> args.addAll(List.of("-p", tip)));
    if (change.signed()) {
      args.add("-S");
    }
    Map<String, String> env = change.author().map(Change.Person::asAuthorEnvironment).orElse(Map.of());
    String commit = repo.git().run(env, change.message(), args.toArray(String[]::new));
    LoadResult after = repo.load(commit);
    // The base is loaded only when the result has problems: most changes leave none, and loading costs.
    List<Problem> added = after.isValid() ? List.of()
        : ProblemDelta.added(repo.load(base).problems(), after.problems());
    if (!added.isEmpty()) {
      throw new CliException("the change would leave the repository invalid, so nothing was committed:\n"
          + added.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }
    return new Validated(base, commit, after);
  }

  private String writeTree(String base, Change change) {
    Path index = null;
    try {
      index = Files.createTempFile("apollo-index", "");
      Files.delete(index);
      Map<String, String> env = Map.of("GIT_INDEX_FILE", index.toString());
      repo.git().run(env, null, "read-tree", base);
      for (Map.Entry<String, String> file : change.files().entrySet()) {
        if (file.getValue() == null) {
          repo.git().run(env, null, "update-index", "--force-remove", file.getKey());
          continue;
        }
        String blob = repo.git().run(Map.of(), file.getValue(), "hash-object", "-w", "--stdin");
        repo.git().run(env, null, "update-index", "--add", "--cacheinfo", "100644," + blob + "," + file.getKey());
      }
      return repo.git().run(env, null, "write-tree");
    } catch (IOException e) {
      throw new CliException("cannot make a temporary git index: " + e.getMessage(), e);
    } finally {
      if (index != null) {
        try {
          Files.deleteIfExists(index);
        } catch (IOException e) {
          // A leftover temporary file is harmless; the commit is what matters.
        }
      }
    }
  }

  private String mergeTree(String base, String tip) {
    Git.Result merged = repo.git().tryRun("merge-tree", "--write-tree", "--no-messages", base, tip);
    if (!merged.ok()) {
      throw new CliException("merging " + tip + " into " + repo.branch().orElse("HEAD") + " conflicts in "
          + merged.out().lines().skip(1).collect(Collectors.joining(", ")) + "; nothing was merged: resolve it by"
          + " hand (git merge --no-ff), or ask the hub to propose the plan again");
    }
    return merged.out().lines().findFirst().orElseThrow().strip();
  }

  private void syncFolder(List<String> paths) {
    List<String> args = new ArrayList<>(List.of("checkout", "HEAD", "--"));
    for (String path : paths.stream().filter(p -> !p.isBlank()).toList()) {
      if (repo.git().tryRun("cat-file", "-e", "HEAD:" + path).ok()) {
        args.add(path);
      } else {
        // The change deleted it: drop it from the index and the folder too.
        repo.git().run("rm", "--cached", "--quiet", "--ignore-unmatch", "--", path);
        try {
          Files.deleteIfExists(repo.root().resolve(path));
        } catch (IOException e) {
          throw new CliException("committed, but cannot delete " + path + " from " + repo.root() + ": "
              + e.getMessage(), e);
        }
      }
    }
    if (args.size() > 3) {
      repo.git().run(args.toArray(String[]::new));
    }
  }

  private Optional<String> push(String localBranch, String remoteBranch) {
    if (repo.remote().isEmpty()) {
      return Optional.empty();
    }
    String remote = repo.remote().get();
    Git.Result pushed = repo.git().tryRun("push", "--quiet", remote,
        "refs/heads/" + localBranch + ":refs/heads/" + remoteBranch);
    if (!pushed.ok()) {
      throw new CliException("committed " + repo.git().run("rev-parse", "--short", localBranch) + " on "
          + localBranch + ", but " + remote + " refused the push (" + firstLine(pushed.err().strip())
          + "); run git pull --rebase && git push " + remote + " " + localBranch + ":" + remoteBranch);
    }
    return Optional.of(remote + "/" + remoteBranch);
  }

  private String freeBranchName(String wanted) {
    String name = wanted;
    for (int n = 2; exists(name); n++) {
      name = wanted + "-" + n;
    }
    return name;
  }

  private boolean exists(String branch) {
    if (repo.git().tryRun("rev-parse", "--verify", "--quiet", "refs/heads/" + branch).ok()) {
      return true;
    }
    return repo.remote().map(r -> !repo.git().run("ls-remote", "--heads", r, "refs/heads/" + branch).isBlank())
        .orElse(false);
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
