package io.apollo.reconciler.hub;

import io.apollo.core.load.ConfigSource;
import io.apollo.core.load.FileTreeSource;
import io.apollo.reconciler.gitsync.ApprovalEvidence;
import io.apollo.reconciler.gitsync.ConfigRepository;
import io.apollo.reconciler.gitsync.FetchResult;
import io.apollo.reconciler.gitsync.FileWrite;
import io.apollo.reconciler.gitsync.PlanOnBranch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A config repository in a folder, for tests of the loop and the API that are not about git: every change to the
 * folder is a new "commit" ({@code c1}, {@code c2}, ...); proposals and commits are recorded; approvals are what
 * the test says git holds. Thread-safe enough for one loop and one test thread.
 */
public final class FakeConfigRepository implements ConfigRepository {
  private final Path folder;
  private int commits = 1;
  private final Map<String, List<FileWrite>> proposed = new LinkedHashMap<>();
  private final List<List<FileWrite>> committed = new ArrayList<>();
  private final Set<String> deleted = new TreeSet<>();
  private final Map<String, List<ApprovalEvidence>> approvals = new HashMap<>();
  private final Set<String> merged = new TreeSet<>();
  private final Map<String, FileWrite> proposedFiles = new HashMap<>();
  private final Map<String, String> edited = new HashMap<>();
  private volatile boolean reachable = true;

  public FakeConfigRepository(Path folder) {
    this.folder = folder;
  }

  /** Writes a file of the repository, making a new commit. */
  public synchronized void write(String path, String content) {
    try {
      Path file = folder.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      commits++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As if {@code planId}'s branch were merged with this evidence (a new commit). */
  public synchronized void merge(String planId, ApprovalEvidence... evidence) {
    merged.add(planId);
    approvals.computeIfAbsent(planId, k -> new ArrayList<>()).addAll(List.of(evidence));
    commits++;
  }

  /** As if a person had changed the plan file on its branch before it was merged (a new commit). */
  public synchronized void editPlanFile(String planId, String from, String to) {
    edited.put(planId, proposedFiles.get(planId).content().replace(from, to));
    commits++;
  }

  public void reachable(boolean reachable) {
    this.reachable = reachable;
  }

  public synchronized Map<String, List<FileWrite>> proposed() {
    return new LinkedHashMap<>(proposed);
  }

  public synchronized List<List<FileWrite>> committed() {
    return List.copyOf(committed);
  }

  public synchronized Set<String> deleted() {
    return new TreeSet<>(deleted);
  }

  @Override
  public synchronized FetchResult fetch() {
    if (!reachable) {
      throw new io.apollo.reconciler.ReconcilerException("remote unreachable (test)");
    }
    return new FetchResult("c" + commits, Optional.empty(), false, Instant.now());
  }

  @Override
  public synchronized Optional<String> head() {
    return Optional.of("c" + commits);
  }

  @Override
  public ConfigSource source(String commit) {
    return new FileTreeSource(folder, 1024 * 1024);
  }

  @Override
  public synchronized String commitToBranch(List<FileWrite> files, String message) {
    committed.add(List.copyOf(files));
    files.forEach(f -> write(f.path(), f.content()));
    return "c" + commits;
  }

  @Override
  public synchronized java.util.Optional<String> propose(String branch, List<FileWrite> files, String message) {
    boolean fresh = proposed.putIfAbsent(branch, List.copyOf(files)) == null;
    proposedFiles.putIfAbsent(branch.substring(branch.lastIndexOf('/') + 1), files.getFirst());
    return fresh ? java.util.Optional.of("p" + branch.substring(branch.lastIndexOf('/') + 1))
        : java.util.Optional.empty();
  }

  @Override
  public synchronized void deleteBranch(String branch) {
    if (proposed.remove(branch) != null) {
      deleted.add(branch);
    }
  }

  /** The fake records no merge ancestry: a merged plan's branch stays, as after a squash merge. */
  @Override
  public synchronized boolean deleteMergedBranch(String branch, String commit) {
    return false;
  }

  @Override
  public synchronized Set<String> branches(String prefix) {
    return new TreeSet<>(proposed.keySet().stream().filter(b -> b.startsWith(prefix)).toList());
  }

  @Override
  public synchronized Map<String, PlanOnBranch> plansOnBranch(String commit) {
    Map<String, PlanOnBranch> plans = new HashMap<>();
    for (String id : merged) {
      // A merge brings the proposed file to main as it was proposed.
      FileWrite file = proposedFiles.getOrDefault(id, new FileWrite("plans/x/" + id + ".yaml", ""));
      plans.put(id, new PlanOnBranch(id, file.path(), "someone", commit, edited.getOrDefault(id, file.content()),
          approvals.getOrDefault(id, List.of())));
    }
    for (List<FileWrite> files : committed) {
      for (FileWrite f : files) {
        String id = f.path().substring(f.path().lastIndexOf('/') + 1).replace(".yaml", "");
        plans.putIfAbsent(id, new PlanOnBranch(id, f.path(), "hub@apollo.invalid", commit, f.content(), List.of()));
      }
    }
    return plans;
  }

  @Override
  public void close() {}
}
