package io.apollo.reconciler.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A config repository as people keep one: a bare repository on disk (the "server", {@link #remote()}) made from a
 * folder such as {@code sample-repo/}, and a working copy ({@link #work()}) in which the git CLI is run as a person
 * would run it, with that person's name and email on each commit. Tests of the hub point the hub at
 * {@link #remote()} and act on the repository through this fixture.
 *
 * <p>Every git command that fails fails the test with git's own output. Everything lives under the temp folder the
 * test gives, so JUnit's {@code @TempDir} cleans it up.
 */
public final class GitFixture {
  /** Member of {@code sre} in sample-repo. */
  public static final Person ALICE = new Person("Alice Nguyen", "alice.nguyen@example.com");
  /** Member of {@code sre} in sample-repo. */
  public static final Person BOB = new Person("Bob Okafor", "bob.okafor@example.com");
  /** Member of {@code vp-engineering} in sample-repo. */
  public static final Person CAROL = new Person("Carol Diaz", "carol.diaz@example.com");
  /** Member of no role. */
  public static final Person MALLORY = new Person("Mallory Quinn", "mallory@example.com");
  /** The hub's default identity ({@code GitSettings.DEFAULT_IDENTITY}). */
  public static final Person HUB = new Person("Apollo Hub", "hub@apollo.invalid");

  private final Path temp;
  private final Path remote;
  private final Path work;
  private final String branch;

  private GitFixture(Path temp, Path remote, Path work, String branch) {
    this.temp = temp;
    this.remote = remote;
    this.work = work;
    this.branch = branch;
  }

  /** A bare repository on branch {@code main} holding sample-repo, committed and pushed by Alice. */
  public static GitFixture fromSampleRepo(Path temp) {
    return fromFolder(temp, sampleRepo());
  }

  /**
   * A bare repository on branch {@code main} holding a copy of {@code folder}, committed and pushed by Alice. The
   * first call for a folder builds it with the git CLI; later calls copy that result (same commit ids), which keeps
   * tests fast.
   */
  public static GitFixture fromFolder(Path temp, Path folder) {
    Path template = RepoTemplates.of(folder);
    Path remote = temp.resolve("remote.git");
    Path work = temp.resolve("person");
    copyTree(template.resolve("remote.git"), remote);
    copyTree(template.resolve("person"), work);
    try {
      // The copied working copy still names the template's remote: point it at this one.
      Path config = work.resolve(".git/config");
      Files.writeString(config, Files.readString(config)
          .replace(template.resolve("remote.git").toString(), remote.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GitFixture(temp, remote, work, "main");
  }

  /** The sample-repo folder of this project, found by walking up from the working directory. */
  public static Path sampleRepo() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("sample-repo"))) {
        return dir.resolve("sample-repo");
      }
    }
    throw new IllegalStateException("no sample-repo folder above " + Path.of("").toAbsolutePath());
  }

  /** The bare repository (the "server"); pass {@code remote().toString()} to the hub as its remote. */
  public Path remote() {
    return remote;
  }

  /** The person's working copy. */
  public Path work() {
    return work;
  }

  /** The governed branch, {@code main}. */
  public String branch() {
    return branch;
  }

  /** A fresh folder under the test's temp folder, such as the hub's data folder. */
  public Path newFolder(String name) {
    try {
      return Files.createDirectories(temp.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the working copy, as a person uses it

  /** Writes {@code path} (relative to the repository root) in the working copy. */
  public GitFixture write(String path, String content) {
    try {
      Path file = work.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code path} in the working copy. */
  public String read(String path) {
    try {
      return Files.readString(work.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the first {@code from} in {@code path} by {@code to}; fails the test when {@code from} is absent. */
  public GitFixture edit(String path, String from, String to) {
    String text = read(path);
    assertThat(text).as("%s should contain %s", path, from).contains(from);
    return write(path, text.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)));
  }

  /** {@code git add -A && git commit} as {@code author}; returns the new commit id. */
  public String commitAll(Person author, String message) {
    git(work, "add", "-A");
    author.git(work, "commit", "-q", "--allow-empty", "-m", message);
    return git(work, "rev-parse", "HEAD").strip();
  }

  /** {@code git push origin HEAD:main} (never forced). */
  public GitFixture push() {
    git(work, "push", "-q", "origin", "HEAD:" + branch);
    return this;
  }

  /** Writes, commits as {@code author} and pushes to main, after catching up with the remote; returns the commit. */
  public String commitAndPush(Person author, String message, Map<String, String> files) {
    pull();
    files.forEach(this::write);
    String commit = commitAll(author, message);
    push();
    return commit;
  }

  /** Brings the working copy to the remote's main: {@code git fetch --prune} and a hard reset on main. */
  public GitFixture pull() {
    git(work, "fetch", "-q", "--prune", "origin");
    git(work, "checkout", "-q", branch);
    git(work, "reset", "-q", "--hard", "origin/" + branch);
    return this;
  }

  /**
   * Merges the remote branch {@code planBranch} (such as {@code apollo/plan/<id>}) into main with
   * {@code git merge --no-ff} as {@code author} and pushes: what pressing "merge" on a hosted git server does.
   * Returns the merge commit.
   */
  public String mergeNoFf(Person author, String planBranch) {
    pull();
    author.git(work, "merge", "-q", "--no-ff", "-m", "Merge branch '" + planBranch + "'", "origin/" + planBranch);
    String merge = git(work, "rev-parse", "HEAD").strip();
    push();
    return merge;
  }

  /** Squash-merges {@code planBranch} into main as {@code author} and pushes; returns the commit. */
  public String squashMerge(Person author, String planBranch) {
    pull();
    git(work, "merge", "-q", "--squash", "origin/" + planBranch);
    String commit = commitAll(author, "Approve " + planBranch + " (squashed)");
    push();
    return commit;
  }

  /**
   * Appends {@code {by, role}} to the {@code spec.approvals} list of the plan file at {@code planPath} on main, in a
   * commit by {@code author} (who need not be {@code by}: that is how a forged entry is made), and pushes. An empty
   * role leaves the field out (approval for every role {@code by} holds). Returns the commit.
   */
  public String appendApproval(Person author, String planPath, String by, Optional<String> role) {
    pull();
    writeApproval(planPath, by, role);
    String commit = commitAll(author, "Approve " + planPath + " as " + by + role.map(r -> " for " + r).orElse(""));
    push();
    return commit;
  }

  /**
   * Appends {@code {by, role}} to the {@code spec.approvals} list of the plan file at {@code planPath} in the working
   * copy only (no commit), so a test can make it part of a larger commit.
   */
  public GitFixture writeApproval(String planPath, String by, Optional<String> role) {
    String text = read(planPath);
    if (!text.endsWith("\n")) {
      text += "\n";
    }
    // The hub writes spec last, so the file ends inside spec; once added, approvals is spec's last key.
    if (!text.contains("\n  approvals:\n")) {
      text += "  approvals:\n";
    }
    text += "  - by: " + by + "\n" + role.map(r -> "    role: " + r + "\n").orElse("");
    return write(planPath, text);
  }

  /** Adds {@code person} to the members of {@code role} in sample-repo's {@code policies/roles.yaml} (no commit). */
  public GitFixture writeMembership(String role, Person person) {
    return edit("policies/roles.yaml", "  name: " + role + "\nspec:\n  members:\n",
        "  name: " + role + "\nspec:\n  members:\n    - email: " + person.email() + "\n");
  }

  /** Makes the remote refuse every non-fast-forward push, as a protected branch does: a forced push would fail. */
  public GitFixture denyNonFastForwards() {
    git(temp, "--git-dir=" + remote, "config", "receive.denyNonFastForwards", "true");
    return this;
  }

  /** {@link #appendApproval(Person, String, String, Optional)} by the author themselves for {@code role}. */
  public String approve(Person author, String planPath, String role) {
    return appendApproval(author, planPath, author.email(), Optional.of(role));
  }

  /**
   * Rewrites main's history on the remote: resets the working copy to {@code commitsBack} commits before the remote's
   * head, commits {@code files} as {@code author} and force-pushes. Returns the new head.
   */
  public String forcePush(Person author, int commitsBack, Map<String, String> files, String message) {
    pull();
    git(work, "reset", "-q", "--hard", "HEAD~" + commitsBack);
    files.forEach(this::write);
    String commit = commitAll(author, message);
    git(work, "push", "-q", "--force", "origin", "HEAD:" + branch);
    return commit;
  }

  // ---- the remote ("server") side

  /** The commit {@code ref} (a branch name or {@code refs/...}) names on the remote, if any. */
  public Optional<String> remoteHead(String ref) {
    String full = ref.startsWith("refs/") ? ref : "refs/heads/" + ref;
    GitCli.Result r = GitCli.run(temp, List.of("git", "--git-dir=" + remote, "rev-parse", "--verify", "-q", full + "^{commit}"));
    return r.exit() == 0 ? Optional.of(r.out().strip()) : Optional.empty();
  }

  /** The remote's branches (short names) starting with {@code prefix}, sorted. */
  public List<String> remoteBranches(String prefix) {
    String out = git(temp, "--git-dir=" + remote, "for-each-ref", "--format=%(refname:short)", "refs/heads/");
    return out.lines().filter(b -> b.startsWith(prefix)).sorted().toList();
  }

  /** The text of {@code path} at {@code ref} on the remote, if it exists there. */
  public Optional<String> remoteFile(String ref, String path) {
    GitCli.Result r = GitCli.run(temp, List.of("git", "--git-dir=" + remote, "show", ref + ":" + path));
    return r.exit() == 0 ? Optional.of(r.out()) : Optional.empty();
  }

  /** {@code git log --format=...} on the remote, newest first; e.g. {@code "%H %ae %P"}. */
  public List<String> remoteLog(String ref, String format) {
    return git(temp, "--git-dir=" + remote, "log", "--format=" + format, ref).lines().toList();
  }

  /** Deletes {@code branch} on the remote as a person would ({@code git push origin --delete}). */
  public void deleteRemoteBranch(String branchName) {
    git(work, "push", "-q", "origin", "--delete", branchName);
  }

  /**
   * Makes the remote unreachable by renaming its folder (what a moved or removed repository looks like); returns
   * a handle whose {@link Moved#restore()} puts it back.
   */
  public Moved moveRemoteAway() {
    Path aside = remote.resolveSibling(remote.getFileName() + ".away");
    try {
      Files.move(remote, aside);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return () -> {
      try {
        Files.move(aside, remote);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** A remote moved away, and how to bring it back. */
  @FunctionalInterface
  public interface Moved {
    void restore();
  }

  // ---- the git CLI

  /** A person who commits: their name and email go on the commits they make. */
  public record Person(String name, String email) {
    /** Runs {@code git -c user.name=.. -c user.email=.. args...} in {@code dir}, failing the test on failure. */
    public String git(Path dir, String... args) {
      List<String> command = new ArrayList<>(List.of("-c", "user.name=" + name, "-c", "user.email=" + email));
      command.addAll(Arrays.asList(args));
      return GitFixture.git(dir, command.toArray(String[]::new));
    }
  }

  /** {@link GitCli#git}: kept here because tests name the fixture for everything git. */
  public static String git(Path dir, String... args) {
    return GitCli.git(dir, args);
  }

  /** {@link GitCli#copyTree}. */
  public static void copyTree(Path from, Path to) {
    GitCli.copyTree(from, to);
  }

  /** The files of the remote's {@code ref}, path to text: handy to compare trees. */
  public Map<String, String> remoteTree(String ref) {
    Map<String, String> tree = new TreeMap<>();
    for (String path : git(temp, "--git-dir=" + remote, "ls-tree", "-r", "--name-only", ref).lines().toList()) {
      tree.put(path, remoteFile(ref, path).orElseThrow());
    }
    return tree;
  }
}
