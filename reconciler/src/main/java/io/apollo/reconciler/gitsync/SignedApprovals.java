package io.apollo.reconciler.gitsync;

import io.apollo.core.config.Member;
import io.apollo.core.config.Role;
import io.apollo.core.config.Signatures;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.gitsync.ApprovalEntries.Dated;
import io.apollo.reconciler.gitsync.ApprovalEntries.Entry;
import io.apollo.reconciler.gitsync.ApprovalEvidence.Kind;
import io.apollo.reconciler.gitsync.PlanHistory.Change;
import io.apollo.reconciler.signing.CommitSignatures;
import io.apollo.reconciler.signing.SignatureCheck;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Judges approvals where signatures are required (docs/signed-approvals.md): an approval counts only when the
 * commit that gives it carries a valid SSH signature (namespace {@code git}) by a key that the member it names lists
 * in a {@code Role}, as main stood before the approval landed (the first parent of the commit that brought it to
 * main). Author and email never authorize. Each verdict carries the commit where the file first appeared in the
 * approving commit's history, for the caller to bind to the hub's proposal.
 */
final class SignedApprovals {
  private final Repository repository;
  private final RoleIndex roles;
  private final String hubEmail;
  private final ObjectReader reader;
  private final FileLine line;
  private final Map<ObjectId, SignatureCheck> checked = new HashMap<>();

  SignedApprovals(Repository repository, RoleIndex roles, String hubEmail, ObjectReader reader) {
    this.repository = repository;
    this.roles = roles;
    this.hubEmail = hubEmail;
    this.reader = reader;
    this.line = new FileLine(reader);
  }

  /** Whether approvals landing with {@code landing} had to be signed (as main stood before it). */
  boolean required(Change landing) {
    return landing.firstParent().map(p -> roles.signaturesAt(repository, p) == Signatures.REQUIRED).orElse(false);
  }

  FileLine line() {
    return line;
  }

  /**
   * The approval of the commit that brought the plan file to main (a merge, squash or direct commit): as the member
   * whose key signed it. Empty for the hub's own unsigned commit, which approves nothing and claims nothing.
   */
  Optional<ApprovalEvidence> merge(Change added, String path) {
    RevCommit commit = added.commit();
    String author = commit.getAuthorIdent().getEmailAddress();
    SignatureCheck check = check(commit);
    if (check instanceof SignatureCheck.Unsigned && author.equalsIgnoreCase(hubEmail)) {
      return Optional.empty();
    }
    Instant at = commit.getAuthorIdent().getWhenAsInstant();
    String origin = line.origin(commit, path).name();
    if (!(check instanceof SignatureCheck.Verified verified)) {
      return Optional.of(refusedFor(check, Kind.MERGE, author, Optional.empty(), commit, at).from(origin));
    }
    SortedMap<String, Role> before = rolesBefore(added);
    Set<String> holders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    before.values().forEach(r -> r.members().stream().filter(m -> lists(m, verified.keyBlob()))
        .forEach(m -> holders.add(m.email())));
    if (holders.isEmpty()) {
      return Optional.of(ApprovalEvidence.refused(Kind.MERGE, author, Optional.empty(), commit.name(), at,
          RefusalReason.KEY_NOT_OF_MEMBER, "commit " + shortId(commit) + " is signed by key "
              + verified.fingerprint() + ", which no member of any role lists in signingKeys on main before it")
          .signedBy(verified.fingerprint()).from(origin));
    }
    String by = holders.contains(author) ? author : holders.iterator().next();
    Set<String> held = new TreeSet<>();
    before.values().stream().filter(r -> r.hasMember(by)).forEach(r -> held.add(r.name()));
    return Optional.of(ApprovalEvidence.accepted(Kind.MERGE, by, Optional.empty(), held, commit.name(), at)
        .signedBy(verified.fingerprint()).from(origin));
  }

  /** One {@code spec.approvals} entry, given by the commit that added it and brought to main by its landing. */
  ApprovalEvidence entry(Dated dated, String path) {
    Entry entry = dated.entry();
    RevCommit commit = dated.version().commit();
    Instant at = commit.getAuthorIdent().getWhenAsInstant();
    String origin = line.origin(commit, path).name();
    SignatureCheck check = check(commit);
    if (!(check instanceof SignatureCheck.Verified verified)) {
      return refusedFor(check, Kind.ENTRY, entry.by(), entry.role(), commit, at).from(origin);
    }
    SortedMap<String, Role> before = rolesBefore(dated.version().landing());
    Set<String> held = new TreeSet<>();
    before.values().stream().filter(r -> r.hasMember(entry.by()))
        .filter(r -> entry.role().isEmpty() || entry.role().get().equals(r.name())).forEach(r -> held.add(r.name()));
    String landed = shortId(dated.version().landing().commit());
    if (held.isEmpty()) {
      return ApprovalEvidence.refused(Kind.ENTRY, entry.by(), entry.role(), commit.name(), at,
          RefusalReason.NOT_A_MEMBER_THEN, entry.by() + " was not a member of " + entry.role().orElse("any role")
              + " on main before the approval landed (commit " + landed + "'s first parent)")
          .signedBy(verified.fingerprint()).from(origin);
    }
    boolean theirs = before.values().stream().flatMap(r -> r.members().stream())
        .anyMatch(m -> m.email().equalsIgnoreCase(entry.by()) && lists(m, verified.keyBlob()));
    if (!theirs) {
      return ApprovalEvidence.refused(Kind.ENTRY, entry.by(), entry.role(), commit.name(), at,
          RefusalReason.KEY_NOT_OF_MEMBER, "commit " + shortId(commit) + " is signed by key "
              + verified.fingerprint() + ", which is not one of " + entry.by() + "'s signingKeys on main before"
              + " the approval landed (commit " + landed + "'s first parent)")
          .signedBy(verified.fingerprint()).from(origin);
    }
    return ApprovalEvidence.accepted(Kind.ENTRY, entry.by(), entry.role(), held, commit.name(), at)
        .signedBy(verified.fingerprint()).from(origin);
  }

  /** The fingerprint of the key of {@code email} that signed {@code commit}, when one of theirs did (optional mode). */
  Optional<String> signerKey(RevCommit commit, Change landing, String email) {
    if (!(check(commit) instanceof SignatureCheck.Verified verified)) {
      return Optional.empty();
    }
    boolean theirs = rolesBefore(landing).values().stream().flatMap(r -> r.members().stream())
        .anyMatch(m -> m.email().equalsIgnoreCase(email) && lists(m, verified.keyBlob()));
    return theirs ? Optional.of(verified.fingerprint()) : Optional.empty();
  }

  private ApprovalEvidence refusedFor(SignatureCheck check, Kind kind, String by, Optional<String> role,
      RevCommit commit, Instant at) {
    String id = shortId(commit);
    return switch (check) {
      case SignatureCheck.Unsigned u -> ApprovalEvidence.refused(kind, by, role, commit.name(), at,
          RefusalReason.UNSIGNED, "commit " + id + " is not signed, and approvals must be (ApprovalPolicy"
              + " spec.signatures): sign it with git commit -S or git merge --no-ff -S and an SSH key in your role");
      case SignatureCheck.Bad b -> ApprovalEvidence.refused(kind, by, role, commit.name(), at,
          RefusalReason.BAD_SIGNATURE, "commit " + id + ": " + b.why());
      case SignatureCheck.WrongNamespace w -> ApprovalEvidence.refused(kind, by, role, commit.name(), at,
          RefusalReason.WRONG_NAMESPACE, "commit " + id + " carries a signature by " + w.fingerprint()
              + " made for namespace '" + w.namespace() + "', not 'git': it signs something else, not this commit")
          .signedBy(w.fingerprint());
      case SignatureCheck.Verified v -> throw new IllegalStateException("a verified signature is not refused");
    };
  }

  private SignatureCheck check(RevCommit commit) {
    return checked.computeIfAbsent(commit.copy(), id -> {
      try {
        return CommitSignatures.check(reader.open(id, Constants.OBJ_COMMIT).getCachedBytes());
      } catch (IOException e) {
        throw new ReconcilerException("cannot read commit " + id.name() + ": " + e.getMessage(), e);
      }
    });
  }

  private SortedMap<String, Role> rolesBefore(Change landing) {
    return landing.firstParent().map(p -> roles.rolesAt(repository, p)).orElse(new java.util.TreeMap<>());
  }

  private static boolean lists(Member member, byte[] keyBlob) {
    return member.sshKeys().stream().anyMatch(k -> Arrays.equals(k.blob(), keyBlob));
  }

  private static String shortId(RevCommit commit) {
    return commit.name().substring(0, 7);
  }
}
