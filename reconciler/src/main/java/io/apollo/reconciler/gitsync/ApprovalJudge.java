package io.apollo.reconciler.gitsync;

import io.apollo.core.load.yaml.ParsedFile;
import io.apollo.core.load.yaml.SafeYaml;
import io.apollo.core.load.yaml.YamlDocument;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.gitsync.ApprovalEvidence.Kind;
import io.apollo.reconciler.gitsync.PlanHistory.Change;
import io.apollo.reconciler.gitsync.PlanHistory.FileHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import tools.jackson.databind.JsonNode;

/**
 * Judges the approvals git records for one plan file (DESIGN.md section 4). The merge: whoever authored the
 * first-parent commit that brought the file to the branch, unless that is the hub; it meets every role its author
 * held before that commit. Each {@code spec.approvals} entry: accepted only when its {@code by} authored the
 * first-parent commit that added it, and held the role it names (or, naming none, any role) before that commit.
 */
final class ApprovalJudge {
  private final Repository repository;
  private final RoleIndex roles;
  private final String hubEmail;
  private final YamlLimits limits;

  ApprovalJudge(Repository repository, RoleIndex roles, String hubEmail, YamlLimits limits) {
    this.repository = repository;
    this.roles = roles;
    this.hubEmail = hubEmail;
    this.limits = limits;
  }

  PlanOnBranch judge(ObjectReader reader, FileHistory file) {
    RevCommit added = file.added().commit();
    String author = email(added);
    List<ApprovalEvidence> approvals = new ArrayList<>();
    if (!isHub(author)) {
      approvals.add(ApprovalEvidence.accepted(Kind.MERGE, author, Optional.empty(),
          rolesBefore(file.added(), author), added.name(), when(added)));
    }
    for (DatedEntry entry : entriesWithTheirCommits(reader, file)) {
      approvals.add(judgeEntry(entry));
    }
    java.util.Map<String, String> contentAt = new java.util.HashMap<>();
    contentAt.put(added.name(), text(reader, file.added().after()));
    for (Change change : file.laterChanges()) {
      contentAt.put(change.commit().name(), text(reader, change.after()));
    }
    return new PlanOnBranch(file.planId(), file.path(), author, added.name(), text(reader, file.blob()), approvals,
        contentAt);
  }

  private ApprovalEvidence judgeEntry(DatedEntry dated) {
    Entry entry = dated.entry();
    RevCommit commit = dated.change().commit();
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
    Set<String> held = rolesBefore(dated.change(), author);
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

  /**
   * The file's entries as they stand now, each with the change that added it: entries present when the file was
   * added belong to the adding commit; an entry that appears in a later version (not matched by an equal entry in
   * the version before) belongs to that change. A version that does not parse is passed over, so breaking and
   * repairing the file does not claim everyone's entries for the repairer.
   */
  private List<DatedEntry> entriesWithTheirCommits(ObjectReader reader, FileHistory file) {
    List<DatedEntry> current = new ArrayList<>();
    for (Entry entry : entries(reader, file.path(), file.added().after()).orElse(List.of())) {
      current.add(new DatedEntry(entry, file.added()));
    }
    for (Change change : file.laterChanges()) {
      Optional<List<Entry>> next = entries(reader, file.path(), change.after());
      if (next.isEmpty()) {
        continue;
      }
      List<DatedEntry> before = new ArrayList<>(current);
      current = new ArrayList<>();
      for (Entry entry : next.get()) {
        DatedEntry kept = before.stream().filter(d -> d.entry().sameAs(entry)).findFirst().orElse(null);
        if (kept != null) {
          before.remove(kept);
          current.add(kept);
        } else {
          current.add(new DatedEntry(entry, change));
        }
      }
    }
    return current;
  }

  /** The {@code spec.approvals} entries of one version of a plan file; empty when it does not parse. */
  private Optional<List<Entry>> entries(ObjectReader reader, String path, ObjectId blob) {
    ParsedFile parsed = SafeYaml.parse(path, text(reader, blob).getBytes(StandardCharsets.UTF_8), limits);
    if (!parsed.problems().isEmpty() || parsed.documents().isEmpty()) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    for (YamlDocument document : parsed.documents()) {
      JsonNode list = document.root().at("/spec/approvals");
      if (!list.isArray()) {
        continue;
      }
      for (JsonNode item : list.values()) {
        JsonNode by = item.path("by");
        if (by.isString() && !by.asString().isBlank()) {
          JsonNode role = item.path("role");
          entries.add(new Entry(by.asString().strip(),
              role.isString() && !role.asString().isBlank() ? Optional.of(role.asString().strip()) : Optional.empty(),
              item.path("at").isString() ? Optional.of(item.path("at").asString()) : Optional.empty()));
        }
      }
    }
    return Optional.of(entries);
  }

  private String text(ObjectReader reader, ObjectId blob) {
    try {
      return new String(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes((int) limits.maxFileBytes()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReconcilerException("cannot read plan file blob " + blob.name() + ": " + e.getMessage(), e);
    }
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

  /** One {@code spec.approvals} entry as written. */
  private record Entry(String by, Optional<String> role, Optional<String> at) {
    boolean sameAs(Entry other) {
      return by.toLowerCase(Locale.ROOT).equals(other.by.toLowerCase(Locale.ROOT)) && role.equals(other.role)
          && at.equals(other.at);
    }
  }

  private record DatedEntry(Entry entry, Change change) {}
}
