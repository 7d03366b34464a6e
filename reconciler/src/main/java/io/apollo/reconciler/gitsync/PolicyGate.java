package io.apollo.reconciler.gitsync;

import io.apollo.core.config.SshPublicKey;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.signing.CommitSignatures;
import io.apollo.reconciler.signing.SignatureCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Which commit's {@code Role} and {@code ApprovalPolicy} documents govern at a commit, when the hub was given admin
 * keys ({@code --admin-keys}): walking the governed branch's first-parent line, a commit that changes what those
 * documents say is accepted only when it is signed by an admin key (for a merge, the merge commit itself); otherwise
 * the roles and policies last accepted keep governing, and the refusal is kept to be reported. The oldest commit of
 * the line is the starting point. Not thread-safe: its owner serialises calls.
 */
final class PolicyGate {
  /** What governs at a commit: the accepted commit, and the refused change since, if any. */
  record Verdict(ObjectId governing, Optional<Refusal> refused) {}

  /** A change to roles or policies that was not accepted, and why. */
  record Refusal(String commit, String message) {}

  private final List<SshPublicKey> adminKeys;
  private final Map<ObjectId, Verdict> byCommit = new HashMap<>();

  PolicyGate(List<SshPublicKey> adminKeys) {
    if (adminKeys.isEmpty()) {
      throw new ReconcilerException("--admin-keys: the file lists no SSH public key");
    }
    this.adminKeys = List.copyOf(adminKeys);
  }

  /**
   * The verdict at {@code commit}; {@code contentOf} gives what a commit's roles and policies say (equal values:
   * the same governance).
   */
  Verdict at(Repository repository, ObjectId commit, Function<ObjectId, Object> contentOf) {
    Verdict known = byCommit.get(commit);
    if (known != null) {
      return known;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      List<RevCommit> todo = new ArrayList<>();
      RevCommit c = walk.parseCommit(commit);
      while (c != null && !byCommit.containsKey(c)) {
        todo.add(c);
        c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
      }
      Verdict previous = c == null ? null : byCommit.get(c);
      for (RevCommit next : todo.reversed()) {
        previous = judge(repository, next, previous, contentOf);
        byCommit.put(next.copy(), previous);
      }
      return previous;
    } catch (IOException e) {
      throw new ReconcilerException("cannot read the history of commit " + commit.name() + " to check signed"
          + " role and policy changes: " + e.getMessage(), e);
    }
  }

  private Verdict judge(Repository repository, RevCommit commit, Verdict before, Function<ObjectId, Object> contentOf)
      throws IOException {
    if (before == null) {
      return new Verdict(commit.copy(), Optional.empty());
    }
    Object now = contentOf.apply(commit);
    if (now.equals(contentOf.apply(before.governing()))) {
      return new Verdict(before.governing(), Optional.empty());
    }
    if (before.refused().isPresent() && commit.getParentCount() > 0
        && now.equals(contentOf.apply(commit.getParent(0)))) {
      return before;
    }
    SignatureCheck check;
    try (var reader = repository.newObjectReader()) {
      check = CommitSignatures.check(reader.open(commit, Constants.OBJ_COMMIT).getCachedBytes());
    }
    if (check instanceof SignatureCheck.Verified v
        && adminKeys.stream().anyMatch(k -> Arrays.equals(k.blob(), v.keyBlob()))) {
      return new Verdict(commit.copy(), Optional.empty());
    }
    String why = switch (check) {
      case SignatureCheck.Unsigned u -> "it is not signed";
      case SignatureCheck.Verified v -> "it is signed by " + v.fingerprint() + ", which is not an admin key";
      case SignatureCheck.Bad b -> b.why();
      case SignatureCheck.WrongNamespace w -> "its signature was made for namespace '" + w.namespace() + "'";
    };
    return new Verdict(before.governing(), Optional.of(new Refusal(commit.name(), "commit "
        + commit.name().substring(0, 7) + " changes Role or ApprovalPolicy documents, but " + why + ": the hub"
        + " needs those changes signed by an admin key (--admin-keys) and keeps governing by the roles and policies"
        + " of commit " + before.governing().name().substring(0, 7) + "; sign the change (git commit -S or"
        + " git merge --no-ff -S with an admin key) or revert it")));
  }
}
