package io.apollo.reconciler.loop;

import io.apollo.reconciler.gitsync.PlanEdits;
import io.apollo.reconciler.gitsync.PlanOnBranch;
import io.apollo.reconciler.store.StoredPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan file on the governed branch that differs from the file the hub proposed (issue 17): someone edited it by
 * hand, such as its {@code toVersion}. The hub still runs only the plan it proposed; this says so, naming the file
 * and the fields ({@code /spec/toVersion}; {@code ""} for a file that no longer reads as one YAML document).
 */
public record PlanFileEdit(String planId, String path, List<String> fields) {
  /** The machine reason shown beside the message, on the plan and on {@code /v1/status}. */
  public static final String REASON = "PLAN_FILE_EDITED";

  public PlanFileEdit {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(path, "path");
    fields = List.copyOf(fields);
  }

  /** Words for people: what differs and what the hub does about it. */
  public String message() {
    List<String> named = new ArrayList<>();
    fields.forEach(f -> named.add(f.isEmpty() ? "the whole file (it no longer reads as one YAML document)"
        : f.substring(1).replace('/', '.')));
    return path + " differs from the plan the hub proposed (" + String.join(", ", named) + "): the hub runs only"
        + " the plan it proposed, never the edited file; restore the file, or change desired state for a new plan";
  }

  /**
   * The plan files on the branch at its head ({@code onMain}) that differ from what the hub proposed for them, by
   * plan id. Pure: the plans' proposed files come from the store's bodies.
   */
  static Map<String, PlanFileEdit> of(Map<String, PlanOnBranch> onMain, List<StoredPlan> plans) {
    Map<String, PlanFileEdit> edits = new LinkedHashMap<>();
    for (StoredPlan plan : plans) {
      PlanOnBranch file = onMain.get(plan.id());
      if (file == null) {
        continue;
      }
      PlanBody.proposedFile(plan).ifPresent(proposed -> {
        List<String> changed = PlanEdits.changedFields(proposed, file.content());
        if (!changed.isEmpty()) {
          edits.put(plan.id(), new PlanFileEdit(plan.id(), file.path(), changed));
        }
      });
    }
    return edits;
  }
}
