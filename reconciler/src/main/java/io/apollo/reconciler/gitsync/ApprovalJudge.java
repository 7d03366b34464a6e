package io.apollo.reconciler.gitsync;

import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.reconciler.gitsync.ApprovalEntries.Dated;
import io.apollo.reconciler.gitsync.ApprovalEntries.Entry;
import io.apollo.reconciler.gitsync.ApprovalEntries.Version;
import io.apollo.reconciler.gitsync.ApprovalEvidence.Kind;
import io.apollo.reconciler.gitsync.PlanHistory.Change;
import io.apollo.reconciler.gitsync.PlanHistory.FileHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Judges the approvals git records for one plan file (DESIGN.md section 4). Where signatures are required (as main
 * stood before the approval landed), {@link SignedApprovals} judges by signature and key, and entries written on the
 * plan branch count for the commits that wrote them. Otherwise, as before signatures: the merge is approved by
 * whoever authored the first-parent commit that brought the file to the branch, unless that is the hub, for every
 * role its author held before that commit; each {@code spec.approvals} entry is accepted only when its {@code by}
 * authored the first-parent commit that added it, and held the role it names (or, naming none, any role) before it.
 */
final class ApprovalJudge {
  private final Repository repository;
  private final RoleIndex roles;
  private final String hubEmail;
  private final ApprovalEntries entries;

  ApprovalJudge(Repository repository, RoleIndex roles, String hubEmail, YamlLimits limits) {
    this.repository = repository;
    this.roles = roles;
    this.hubEmail = hubEmail;
    this.entries = new ApprovalEntries(limits);
  }

  PlanOnBranch judge(ObjectReader reader, FileHistory file) {
    SignedApprovals signed = new SignedApprovals(repository, roles, hubEmail, reader);
    RevCommit added = file.added().commit();
    String author = email(added);
    boolean mergeSigned = signed.required(file.added());
    List<ApprovalEvidence> approvals = new ArrayList<>();
    Map<String, String> contentAt = new HashMap<>();
    List<Version> versions = new ArrayList<>();
    if (mergeSigned) {
      signed.merge(file.added(), file.path()).ifPresent(approvals::add);
      // Entries written on the plan branch count for the commits that wrote them, landing with the merge.
      for (RevCommit onBranch : signed.line().branchSide(added, file.path())) {
        Version version = new Version(onBranch, file.added(), signed.line().blob(onBranch, file.path()));
        versions.add(version);
        contentAt.put(onBranch.name(), entries.text(reader, version.blob()));
      }
    } else if (!isHub(author)) {
      approvals.add(ApprovalEvidence.accepted(Kind.MERGE, author, Optional.empty(),
          rolesBefore(file.added(), author), added.name(), when(added)));
    }
    versions.add(new Version(added, file.added(), file.added().after()));
    for (Change change : file.laterChanges()) {
      versions.add(new Version(change.commit(), change, change.after()));
    }
    for (Dated entry : entries.dated(reader, file.path(), versions)) {
      approvals.add(signed.required(entry.version().landing()) ? signed.entry(entry, file.path())
          : withKey(signed, judgeEntry(entry), entry));
    }
    contentAt.put(added.name(), entries.text(reader, file.added().after()));
    for (Change change : file.laterChanges()) {
      contentAt.put(change.commit().name(), entries.text(reader, change.after()));
    }
    return new PlanOnBranch(file.planId(), file.path(), author, added.name(), entries.text(reader, file.blob()),
        approvals, contentAt);
  }

  /** Where signatures are optional, an accepted entry signed by a key of its approver says so. */
  private static ApprovalEvidence withKey(SignedApprovals signed, ApprovalEvidence judged, Dated entry) {
    if (!judged.accepted()) {
      return judged;
    }
    return signed.signerKey(entry.version().commit(), entry.version().landing(), judged.by())
        .map(judged::signedBy).orElse(judged);
  }

  private ApprovalEvidence judgeEntry(Dated dated) {
    Entry entry = dated.entry();
    RevCommit commit = dated.version().commit();
    String author = email(commit);
    String shortId = commit.abbreviate(7).name();
    Instant at = when(commit);
    if (isHub(author)) {
      return ApprovalEvidence.refused(Kind.ENTRY, entry.by(), entry.role(), commit.name(), at,
          RefusalReason.COMMITTED_BY_HUB, "entry for " + entry.by() + " was committed by the hub itself (commit "
              + shortId + "): only people approve, each in a commit of their own");
    }
    if (!entry.by().equalsIgnoreCase(author)) {
      return ApprovalEvidence.refused(Kind.ENTRY, entry.by(), entry.role(), commit.name(), at,
          RefusalReason.NOT_COMMIT_AUTHOR, "entry says by " + entry.by() + " but was committed by " + author
              + " (commit " + shortId + "): " + (commit.getParentCount() > 1
                  ? "it came in with that merge; entries count only when appended on the branch itself, each in "
                      + "a commit by its approver"
                  : "each approver adds their own entry in a commit they author"));
    }
    Set<String> held = rolesBefore(dated.version().landing(), author);
    if (entry.role().isPresent()) {
      String role = entry.role().get();
      if (!held.contains(role)) {
        return ApprovalEvidence.refused(Kind.ENTRY, entry.by(), entry.role(), commit.name(), at,
            RefusalReason.NOT_A_MEMBER, entry.by() + " was not a member of " + role + " before commit " + shortId
                + " (membership is read from the branch as it was before the approving commit)");
      }
      return ApprovalEvidence.accepted(Kind.ENTRY, entry.by(), entry.role(), Set.of(role), commit.name(), at);
    }
    if (held.isEmpty()) {
      return ApprovalEvidence.refused(Kind.ENTRY, entry.by(), entry.role(), commit.name(), at,
          RefusalReason.HOLDS_NO_ROLE, entry.by() + " held no role before commit " + shortId);
    }
    return ApprovalEvidence.accepted(Kind.ENTRY, entry.by(), entry.role(), held, commit.name(), at);
  }

  /** The roles {@code email} held in the tree of the change's first parent (none before the first commit). */
  private Set<String> rolesBefore(Change change, String email) {
    return change.firstParent().map(parent -> roles.rolesOf(repository, parent, email)).orElse(Set.of());
  }

  private boolean isHub(String email) {
    return email.equalsIgnoreCase(hubEmail);
  }

  private static String email(RevCommit commit) {
    return commit.getAuthorIdent().getEmailAddress();
  }

  private static Instant when(RevCommit commit) {
    return commit.getAuthorIdent().getWhenAsInstant();
  }
}
