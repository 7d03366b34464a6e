package io.apollo.reconciler.gitsync;

import io.apollo.core.load.yaml.ParsedFile;
import io.apollo.core.load.yaml.SafeYaml;
import io.apollo.core.load.yaml.YamlDocument;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.gitsync.PlanHistory.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import tools.jackson.databind.JsonNode;

/** The {@code spec.approvals} entries of a plan file's versions, each with the commit that added it. */
final class ApprovalEntries {
  private final YamlLimits limits;

  ApprovalEntries(YamlLimits limits) {
    this.limits = limits;
  }

  /** One {@code spec.approvals} entry as written. */
  record Entry(String by, Optional<String> role, Optional<String> at) {
    boolean sameAs(Entry other) {
      return by.toLowerCase(Locale.ROOT).equals(other.by.toLowerCase(Locale.ROOT)) && role.equals(other.role)
          && at.equals(other.at);
    }
  }

  /**
   * One version of the file: the commit that made it, the first-parent commit of the governed branch that brought
   * it there ({@code landing}: the commit itself for one made on the branch, the merge for one made on a plan
   * branch), and the file's blob.
   */
  record Version(RevCommit commit, Change landing, ObjectId blob) {}

  /** An entry with the version that added it. */
  record Dated(Entry entry, Version version) {}

  /**
   * The entries of the last version, each with the version that added it (oldest first in {@code versions}):
   * entries of the first version belong to it; an entry that appears in a later version (not matched by an equal
   * entry in the version before) belongs to that version. A version that does not parse is passed over, so
   * breaking and repairing the file does not claim everyone's entries for the repairer.
   */
  List<Dated> dated(ObjectReader reader, String path, List<Version> versions) {
    List<Dated> current = new ArrayList<>();
    boolean first = true;
    for (Version version : versions) {
      Optional<List<Entry>> next = entries(reader, path, version.blob());
      if (next.isEmpty()) {
        first = false;
        continue;
      }
      List<Dated> before = new ArrayList<>(current);
      current = new ArrayList<>();
      for (Entry entry : next.get()) {
        Dated kept = first ? null : before.stream().filter(d -> d.entry().sameAs(entry)).findFirst().orElse(null);
        if (kept != null) {
          before.remove(kept);
          current.add(kept);
        } else {
          current.add(new Dated(entry, version));
        }
      }
      first = false;
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

  String text(ObjectReader reader, ObjectId blob) {
    try {
      return new String(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes((int) limits.maxFileBytes()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReconcilerException("cannot read plan file blob " + blob.name() + ": " + e.getMessage(), e);
    }
  }
}
