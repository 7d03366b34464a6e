package io.apollo.cli.repo;

import io.apollo.cli.CliException;
import io.apollo.cli.Workers;
import io.apollo.cli.output.Progress;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.reconciler.gitsync.GitCommitSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A config repository as a git clone: its top folder, the branch checked out, and where that branch is pushed.
 * Reading a commit goes straight to git's object database (what was committed, not what the folder holds); every
 * change goes through git as a person would make it (see {@link ChangeCommitter}).
 */
public final class ConfigRepo {
  private final Git git;
  private final Optional<String> branch;
  private final Optional<String> remote;
  private final Optional<String> remoteBranch;
  private final Map<String, LoadResult> loaded = new HashMap<>();
  private PrintWriter progress = new PrintWriter(java.io.OutputStream.nullOutputStream());

  private ConfigRepo(Git git, Optional<String> branch, Optional<String> remote, Optional<String> remoteBranch) {
    this.git = git;
    this.branch = branch;
    this.remote = remote;
    this.remoteBranch = remoteBranch;
  }

  /**
   * The repository whose top folder is {@code dir}, or, when {@code anyFolderInside}, the one that holds {@code dir}.
   * A folder that is not in a git repository is refused with what to do.
   */
  public static ConfigRepo open(Path dir, boolean anyFolderInside) {
    if (!Files.isDirectory(dir)) {
      throw new CliException("--repo " + dir + " is not a folder; give a clone of the config repository or its URL");
    }
    Git probe = new Git(dir);
    Git.Result top = probe.tryRun("rev-parse", "--show-toplevel");
    if (!top.ok()) {
      throw new CliException(dir.toAbsolutePath() + " is not in a git repository; clone the config repository"
          + " (git clone URL) and run apollo inside it, or pass --repo URL");
    }
    Path root = Path.of(top.out().strip());
    if (!anyFolderInside && !sameFile(root, dir)) {
      throw new CliException("--repo " + dir + " is inside the git repository " + root + " but is not its top"
          + " folder; apollo edits a config repository that is a git repository of its own");
    }
    Git git = new Git(root);
    Optional<String> branch = optional(git.tryRun("symbolic-ref", "--quiet", "--short", "HEAD"));
    Optional<String> remote = branch.flatMap(b -> optional(git.tryRun("config", "branch." + b + ".remote")))
        .or(() -> git.run("remote").lines().anyMatch("origin"::equals) ? Optional.of("origin") : Optional.empty());
    Optional<String> remoteBranch = branch.flatMap(b -> optional(git.tryRun("config", "branch." + b + ".merge")))
        .map(ref -> ref.replaceFirst("^refs/heads/", ""))
        .or(() -> remote.isPresent() ? branch : Optional.empty());
    return new ConfigRepo(git, branch, remote, remoteBranch);
  }

  /** Where progress lines go (stderr, and only on a terminal: see {@link Progress}). */
  public ConfigRepo reportingTo(PrintWriter progress) {
    this.progress = progress;
    return this;
  }

  public Git git() {
    return git;
  }

  public Path root() {
    return git.dir();
  }

  /** The branch checked out; empty when HEAD is detached. */
  public Optional<String> branch() {
    return branch;
  }

  /** The remote the branch is pushed to ({@code origin} when the branch tracks nothing); empty with no remote. */
  public Optional<String> remote() {
    return remote;
  }

  /** The branch on the remote that the checked-out branch is pushed to. */
  public Optional<String> remoteBranch() {
    return remoteBranch;
  }

  /** The commit HEAD points at; a repository with no commit yet is refused. */
  public String head() {
    Git.Result head = git.tryRun("rev-parse", "--verify", "--quiet", "HEAD^{commit}");
    if (!head.ok()) {
      throw new CliException(root() + " has no commit yet; commit the config repository's first files, then try"
          + " again");
    }
    return head.out().strip();
  }

  /** The commit a revision names, or a refusal that names the revision. */
  public String resolve(String revision) {
    Git.Result id = git.tryRun("rev-parse", "--verify", "--quiet", revision + "^{commit}");
    if (!id.ok()) {
      throw new CliException("no commit '" + revision + "' in " + root() + "; check the name (git log --oneline,"
          + " git branch -a), or fetch it first (git fetch)");
    }
    return id.out().strip();
  }

  /** Loads one commit's tree as the hub would; a commit already loaded by this command is not loaded again. */
  public LoadResult load(String commit) {
    return loaded.computeIfAbsent(commit, this::loadNow);
  }

  private LoadResult loadNow(String commit) {
    Path objects = Path.of(git.run("rev-parse", "--path-format=absolute", "--git-common-dir"));
    try (Repository repository = new FileRepositoryBuilder().setGitDir(objects.toFile()).setMustExist(true).build()) {
      GitCommitSource source =
          new GitCommitSource(repository, ObjectId.fromString(commit), YamlLimits.defaults().maxFileBytes());
      return Workers.withOnePerCore(pool -> ConfigLoader.withDefaults().load(source, pool));
    } catch (IOException e) {
      throw new CliException("cannot open the git repository at " + objects + ": " + e.getMessage(), e);
    }
  }

  /** The text of {@code path} at {@code commit}, or empty when the commit has no such file. */
  public Optional<String> readAt(String commit, String path) {
    Git.Result shown = git.tryRun("show", commit + ":" + path);
    return shown.ok() ? Optional.of(shown.out()) : Optional.empty();
  }

  /** The head commit and what it holds. */
  public Snapshot snapshot() {
    String head = head();
    return new Snapshot(this, head, load(head));
  }

  /** One commit of the repository, loaded. */
  public record Snapshot(ConfigRepo repo, String commit, LoadResult loaded) {
    public io.apollo.core.config.DesiredState state() {
      return loaded.state();
    }

    /** The file's text at this commit, or empty. */
    public Optional<String> text(String path) {
      return repo.readAt(commit, path);
    }
  }

  /** Refuses when any of {@code paths} has changes in the folder or the index that are not committed. */
  public void requireUnchanged(Collection<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    String[] args = new String[paths.size() + 4];
    args[0] = "status";
    args[1] = "--porcelain";
    args[2] = "--untracked-files=all";
    args[3] = "--";
    int i = 4;
    for (String path : paths) {
      args[i++] = path;
    }
    Git.Result status = git.tryRun(args);
    if (!status.ok()) {
      throw new CliException("git status failed in " + root() + ": " + status.err().strip());
    }
    // Porcelain lines are "XY path": the leading space of an unstaged change matters, so no trimming.
    List<String> changed = status.out().lines().filter(l -> l.length() > 3).map(l -> l.substring(3)).toList();
    if (!changed.isEmpty()) {
      throw new CliException("local changes in " + String.join(", ", changed) + " (the files this command must"
          + " edit); nothing was changed: commit or stash them (git stash), then run the command again");
    }
  }

  /**
   * Fetches the remote branch and refuses when the checked-out branch lacks some of its commits: a commit made on
   * top of an old head could not be pushed without a merge the person has not seen.
   */
  public void requireUpToDate() {
    if (remote.isEmpty() || remoteBranch.isEmpty()) {
      return;
    }
    String tracking = "refs/remotes/" + remote.get() + "/" + remoteBranch.get();
    Progress.say(progress, "Fetching " + remoteBranch.get() + " from " + remote.get() + " ...");
    Git.Result fetch = git.tryRun("fetch", "--quiet", remote.get(),
        "+refs/heads/" + remoteBranch.get() + ":" + tracking);
    if (!fetch.ok()) {
      throw new CliException("cannot fetch " + remoteBranch.get() + " from " + remote.get() + ": "
          + fetch.err().strip() + "; check the network and your git credentials (git fetch), then try again");
    }
    String behind = git.run("rev-list", "--count", "HEAD.." + tracking);
    if (!"0".equals(behind)) {
      throw new CliException(branch.orElse("HEAD") + " is " + behind + " commit(s) behind " + remote.get() + "/"
          + remoteBranch.get() + "; run git pull --rebase, then run the command again");
    }
  }

  private static Optional<String> optional(Git.Result result) {
    return result.ok() && !result.out().isBlank() ? Optional.of(result.out().strip()) : Optional.empty();
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
