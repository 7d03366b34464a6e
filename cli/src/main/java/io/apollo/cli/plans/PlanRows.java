package io.apollo.cli.plans;

import io.apollo.cli.output.Style;
import io.apollo.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Plans as a table: from the hub's JSON (DESIGN.md section 5) or from git, the same columns. */
final class PlanRows {
  private PlanRows() {}

  static Table table() {
    return Table.of("PLAN", "ENTITY", "TYPE", "FROM", "TO", "STATE", "WHY");
  }

  static void addLive(Table table, JsonNode p) {
    table.row(p.path("id").asString(), p.path("entity").asString(), p.path("type").asString(),
        dash(p.path("fromVersion").asString("")), dash(p.path("toVersion").asString("")),
        Style.state(p.path("state").asString("")), whyLive(p));
  }

  static void addGit(Table table, GitPlan p) {
    String why = p.onMain() ? "approved: on main" : "awaiting approval on " + p.branch()
        + (p.requiredRoles().isEmpty() ? "" : " by " + String.join(", ", p.requiredRoles()));
    table.row(p.id(), p.entity(), p.type(), p.fromVersion().orElse("-"), p.toVersion().orElse("-"),
        Style.state(p.state()), why);
  }

  static String whyLive(JsonNode p) {
    List<String> why = new ArrayList<>();
    p.path("violations").forEach(v -> why.add(v.path("message").asString()));
    if (why.isEmpty() && p.path("missingRoles").size() > 0) {
      List<String> roles = new ArrayList<>();
      p.path("missingRoles").forEach(r -> roles.add(r.asString()));
      why.add("awaiting approval by " + String.join(", ", roles));
    }
    return why.isEmpty() ? "-" : String.join("; ", why);
  }

  static String dash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
