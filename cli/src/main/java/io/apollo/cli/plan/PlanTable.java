package io.apollo.cli.plan;

import io.apollo.core.config.DesiredState;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.PlanningResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table a person reads first: one plan a line, aligned, with the reason in words. Blocked plans say what blocks
 * them and until when; pending plans say whose approval they wait for.
 */
public final class PlanTable {
  private static final String[] HEADER = {"ENTITY", "TYPE", "FROM", "TO", "STATE", "WHY"};

  private PlanTable() {}

  public static String render(PlanningResult result, DesiredState desired) {
    StringBuilder out = new StringBuilder();
    out.append("Plans at ").append(result.at()).append(": ").append(summary(result.plans())).append('\n');
    if (!result.plans().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(HEADER);
      for (Plan plan : result.plans()) {
        rows.add(new String[] {plan.entity().toString(), plan.type().wireName(),
            plan.fromVersion().map(Object::toString).orElse("-"), plan.toVersion().map(Object::toString).orElse("-"),
            plan.state().name(), why(plan)});
      }
      out.append('\n').append(align(rows));
    }
    if (!desired.invalidEntities().isEmpty()) {
      out.append("\nLeft alone (definition invalid; run apollo validate): ")
          .append(desired.invalidEntities().stream().sorted().map(Object::toString).collect(Collectors.joining(", ")))
          .append('\n');
    }
    return out.toString();
  }

  static String why(Plan plan) {
    if (plan.state() == PlanState.BLOCKED) {
      return plan.violations().stream().map(PlanTable::blocked).collect(Collectors.joining("; "));
    }
    if (plan.state() == PlanState.PENDING) {
      return "awaiting approval by " + String.join(", ", plan.missingRoles().stream().sorted().toList());
    }
    return plan.message();
  }

  private static String blocked(Verdict v) {
    return v.message();
  }

  private static String summary(List<Plan> plans) {
    if (plans.isEmpty()) {
      return "nothing to do, every entity is at its target";
    }
    Map<PlanState, Long> byState = new EnumMap<>(PlanState.class);
    plans.forEach(p -> byState.merge(p.state(), 1L, Long::sum));
    return plans.size() + " plan" + (plans.size() == 1 ? "" : "s") + " ("
        + byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
        + ")";
  }

  /** Pads every column but the last to its widest cell. */
  static String align(List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        out.append(c == columns - 1 ? row[c] : String.format("%-" + width[c] + "s  ", row[c]));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
