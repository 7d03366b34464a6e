package io.apollo.reconciler.gitsync;

import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Role;
import io.apollo.core.config.Signatures;
import io.apollo.core.config.Member;
import io.apollo.core.config.SshPublicKey;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.ConfigSource;
import io.apollo.core.load.ParseCache;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Who held which role at a commit: the {@code Role} documents of that commit's tree, loaded with the core loader
 * (so a broken roles file grants nothing, as it would in a load). Cheap on repeated use: only files that mention
 * {@code Role} are loaded, which files do is remembered per blob, parses are shared through a {@link ParseCache},
 * and the roles of recent commits are kept.
 */
final class RoleIndex {
  private static final int COMMITS_KEPT = 64;
  private static final int BLOBS_KEPT = 200_000;

  private final ConfigLoader loader;
  private final long maxFileBytes;
  private final ParseCache parses = new ParseCache();
  private final Map<String, Boolean> mentionsRole = lru(BLOBS_KEPT);
  private final Map<ObjectId, Governance> byCommit = lru(COMMITS_KEPT);

  private final TreeListings listings;
  /** Set when role and policy changes must be signed by an admin key; null otherwise. */
  private PolicyGate gate;

  RoleIndex(ConfigLoader loader, long maxFileBytes) {
    this(loader, maxFileBytes, new TreeListings());
  }

  /** @param listings folders listed before, shared with the repository's other readers of commits */
  RoleIndex(ConfigLoader loader, long maxFileBytes, TreeListings listings) {
    this.loader = loader;
    this.maxFileBytes = maxFileBytes;
    this.listings = listings;
  }

  /** The roles defined in {@code commit}'s tree, by name. */
  SortedMap<String, Role> rolesAt(Repository repository, ObjectId commit) {
    return governance(repository, commit).roles();
  }

  /** Whether approvals had to be signed as {@code commit}'s tree stood ({@link ApprovalPolicy#signaturesOf}). */
  Signatures signaturesAt(Repository repository, ObjectId commit) {
    return governance(repository, commit).signatures();
  }

  /**
   * Changes to roles and policies must be signed by one of {@code adminKeys} (hub {@code --admin-keys}): from now
   * on, every answer is the governance of the commit {@link PolicyGate} accepted last.
   */
  void requireAdminSignatures(List<SshPublicKey> adminKeys) {
    gate = new PolicyGate(adminKeys);
  }

  /**
   * The roles and approval policies that govern at {@code commit}, and the refused change to them, when admin
   * signatures are required; empty when they are not (the commit's own documents govern).
   */
  Optional<GovernedPolicy> governed(Repository repository, ObjectId commit) {
    if (gate == null) {
      return Optional.empty();
    }
    PolicyGate.Verdict verdict = gate.at(repository, commit, c -> content(repository, c));
    Governance g = rawGovernance(repository, verdict.governing());
    return Optional.of(new GovernedPolicy(verdict.governing().name(), g.roles(), g.policies(),
        verdict.refused().map(PolicyGate.Refusal::commit), verdict.refused().map(PolicyGate.Refusal::message)));
  }

  private Governance governance(Repository repository, ObjectId commit) {
    if (gate == null) {
      return rawGovernance(repository, commit);
    }
    return rawGovernance(repository, gate.at(repository, commit, c -> content(repository, c)).governing());
  }

  /** What a commit's roles and policies say, comparable: names, members and keys, rules, signatures. */
  private Object content(Repository repository, ObjectId commit) {
    Governance g = rawGovernance(repository, commit);
    Map<String, List<Member>> roles = new TreeMap<>();
    g.roles().forEach((name, role) -> roles.put(name, role.members()));
    Map<String, List<Object>> policies = new TreeMap<>();
    g.policies().forEach(p -> policies.put(p.metadata().name(), List.of(p.rules(), p.signatures())));
    return List.of(roles, policies);
  }

  private Governance rawGovernance(Repository repository, ObjectId commit) {
    Governance known = byCommit.get(commit);
    if (known != null) {
      return known;
    }
    GitCommitSource tree = new GitCommitSource(repository, commit, maxFileBytes, listings);
    // ApprovalPolicy files mention Role too (requiredRoles), so the same files give both.
    DesiredState state = loader.load(new RoleFiles(tree), Runnable::run, parses).state();
    Governance found = new Governance(state.roles(), state.approvalPolicies(),
        ApprovalPolicy.signaturesOf(state.approvalPolicies(), state.roles().values()));
    byCommit.put(commit.copy(), found);
    return found;
  }

  /** The roles of one commit, and whether approvals had to be signed there. */
  private record Governance(SortedMap<String, Role> roles, List<ApprovalPolicy> policies, Signatures signatures) {}

  /** The names of the roles {@code email} was a member of in {@code commit}'s tree (case-insensitive email). */
  Set<String> rolesOf(Repository repository, ObjectId commit, String email) {
    Set<String> held = new TreeSet<>();
    for (Role role : rolesAt(repository, commit).values()) {
      if (role.hasMember(email)) {
        held.add(role.name());
      }
    }
    return held;
  }

  /** The files of a commit that can define a role: those whose text mentions {@code Role} at all. */
  private final class RoleFiles implements ConfigSource {
    private final GitCommitSource tree;

    RoleFiles(GitCommitSource tree) {
      this.tree = tree;
    }

    @Override
    public Listing list() {
      Listing all = tree.list();
      return new Listing(all.files().stream().filter(this::mayDefineRole).toList(), all.refused());
    }

    @Override
    public byte[] read(Entry entry) {
      return tree.read(entry);
    }

    private boolean mayDefineRole(Entry entry) {
      return mentionsRole.computeIfAbsent(entry.blobId(),
          blob -> new String(tree.read(entry), StandardCharsets.UTF_8).contains("Role"));
    }
  }

  static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
