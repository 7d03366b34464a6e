package io.apollo.cli.diff;

import io.apollo.cli.output.Json;
import io.apollo.cli.output.Style;
import io.apollo.cli.output.Table;
import io.apollo.cli.plan.PlanJson;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.load.Problem;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A {@link FleetDiff} printed for people (table), for a pull request (markdown) or for tools (JSON). */
final class DiffReport {
  private final FleetDiff diff;
  private final String base;
  private final String head;
  private final Instant at;
  private final ReportedSource reported;

  DiffReport(FleetDiff diff, String base, String head, Instant at, ReportedSource reported) {
    this.diff = diff;
    this.base = base;
    this.head = head;
    this.at = at;
    this.reported = reported;
  }

  String summary() {
    if (diff.isEmpty()) {
      return "no change to the fleet's plans";
    }
    return diff.count(PlanChange.Kind.APPEARS) + " plan(s) appear, " + diff.count(PlanChange.Kind.CHANGES)
        + " change, " + diff.count(PlanChange.Kind.DISAPPEARS) + " disappear"
        + (diff.newlyInvalid().isEmpty() ? "" : "; " + diff.newlyInvalid().size() + " entit"
            + (diff.newlyInvalid().size() == 1 ? "y becomes" : "ies become") + " invalid")
        + (diff.newProblems().isEmpty() ? "" : "; " + diff.newProblems().size() + " new problem(s)");
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append("Diff ").append(base).append(" -> ").append(head).append(" at ").append(at).append(": ")
        .append(summary()).append('\n');
    out.append("Reported state: ").append(reported.description()).append('\n');
    if (!diff.plans().isEmpty()) {
      Table table = Table.of("", "ENTITY", "TYPE", "FROM", "TO", "STATE", "WHAT CHANGES");
      for (PlanChange change : diff.plans()) {
        Plan shown = change.after().orElseGet(() -> change.before().orElseThrow());
        table.row(sign(change), change.entity().toString(), shown.type().wireName(), version(shown, true),
            version(shown, false), Style.state(shown.state().name()), what(change));
      }
      out.append('\n').append(table.render());
    }
    appendInvalid(out, "");
    return out.toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("### Apollo: what merging this changes\n\n");
    out.append("`").append(base).append("` → `").append(head).append("` at `").append(at).append("`: **")
        .append(summary()).append("**. Reported state: ").append(reported.description()).append(".\n");
    if (!diff.plans().isEmpty()) {
      out.append("\n| | Entity | Type | From | To | State | What changes |\n|---|---|---|---|---|---|---|\n");
      for (PlanChange change : diff.plans()) {
        Plan shown = change.after().orElseGet(() -> change.before().orElseThrow());
        out.append("| ").append(sign(change)).append(" | `").append(change.entity()).append("` | ")
            .append(shown.type().wireName()).append(" | ").append(version(shown, true)).append(" | ")
            .append(version(shown, false)).append(" | ").append(shown.state().name()).append(" | ")
            .append(what(change).replace("|", "\\|")).append(" |\n");
      }
    }
    appendInvalid(out, "- ");
    return out.toString();
  }

  ObjectNode json() {
    ObjectNode root = Json.object();
    root.put("base", base);
    root.put("head", head);
    root.put("at", at.toString());
    root.put("reported", reported.description());
    root.put("reportedSource", reported.kind().wireName());
    root.put("summary", summary());
    ArrayNode plans = root.putArray("plans");
    for (PlanChange change : diff.plans()) {
      ObjectNode node = plans.addObject();
      node.put("change", change.kind().name().toLowerCase(Locale.ROOT));
      node.put("entity", change.entity().toString());
      change.before().ifPresentOrElse(p -> node.set("before", PlanJson.plan(p)), () -> node.putNull("before"));
      change.after().ifPresentOrElse(p -> node.set("after", PlanJson.plan(p)), () -> node.putNull("after"));
      ArrayNode differences = node.putArray("differences");
      change.differences().forEach(differences::add);
    }
    ArrayNode invalid = root.putArray("newlyInvalidEntities");
    diff.newlyInvalid().forEach(e -> invalid.add(e.toString()));
    ArrayNode problems = root.putArray("newProblems");
    diff.newProblems().forEach(p -> problems.addObject().put("path", p.path()).put("line", p.line())
        .put("column", p.column()).put("reason", p.reason().name()).put("message", p.message()));
    return root;
  }

  private void appendInvalid(StringBuilder out, String bullet) {
    if (!diff.newlyInvalid().isEmpty()) {
      out.append("\nBecome invalid (left alone by the hub until fixed):\n");
      diff.newlyInvalid().forEach(e -> out.append(bullet.isEmpty() ? "  " : bullet).append(e).append('\n'));
    }
    if (!diff.newProblems().isEmpty()) {
      out.append("\nNew problems:\n");
      for (Problem p : diff.newProblems()) {
        out.append(bullet.isEmpty() ? "  " : bullet).append(bullet.isEmpty() ? p.toString() : "`" + p + "`")
            .append('\n');
      }
    }
  }

  private static String sign(PlanChange change) {
    return switch (change.kind()) {
      case APPEARS -> "+";
      case DISAPPEARS -> "-";
      case CHANGES -> "~";
    };
  }

  private static String what(PlanChange change) {
    return switch (change.kind()) {
      case APPEARS -> "new plan" + why(change.after().orElseThrow());
      case DISAPPEARS -> "no longer planned";
      case CHANGES -> String.join("; ", change.differences());
    };
  }

  private static String why(Plan plan) {
    if (plan.state() == PlanState.BLOCKED) {
      return ": blocked by " + plan.violations().stream().map(Verdict::constraint).collect(Collectors.joining(", "));
    }
    if (!plan.missingRoles().isEmpty()) {
      return ": needs " + String.join(", ", plan.missingRoles());
    }
    return "";
  }

  private static String version(Plan plan, boolean from) {
    return (from ? plan.fromVersion() : plan.toVersion()).map(Object::toString).orElse("-");
  }
}
