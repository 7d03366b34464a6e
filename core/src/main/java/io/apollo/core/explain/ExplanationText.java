package io.apollo.core.explain;

import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.NoPlan;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.SkippedRelease;
import io.apollo.core.plan.Target;
import io.apollo.core.report.EntityReport;
import io.apollo.core.version.Version;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders an {@link Explanation} as plain text for a terminal: a heading, then one labelled, aligned line per fact;
 * lists continue under their first line. {@link #render} uses ✓ ✗ →; {@link #renderAscii} the ASCII {@code +} {@code
 * x} {@code ->} for terminals that cannot show them. Lines end with {@code \n}.
 */
public final class ExplanationText {
  private static final int LABEL = 10;

  private record Symbols(String ok, String violated, String arrow) {}

  private static final Symbols UNICODE = new Symbols("✓", "✗", "→");
  private static final Symbols ASCII = new Symbols("+", "x", "->");

  private final StringBuilder out = new StringBuilder();
  private final Symbols symbols;

  private ExplanationText(Symbols symbols) {
    this.symbols = symbols;
  }

  public static String render(Explanation explanation) {
    return new ExplanationText(UNICODE).write(explanation);
  }

  public static String renderAscii(Explanation explanation) {
    return new ExplanationText(ASCII).write(explanation);
  }

  private String write(Explanation e) {
    out.append(e.entity()).append(e.product().map(p -> "  (" + p + ")").orElse("")).append('\n');
    if (!e.known()) {
      line("unknown", e.desired());
      lines("similar", e.suggestions().stream().map(EntityId::toString).toList());
      return out.toString();
    }
    line("desired", e.desired());
    line("running", e.running().map(ExplanationText::running).orElse("nothing reported"));
    e.target().ifPresent(t -> line("target", target(t)));
    lines("skipped", e.skipped().stream().map(SkippedRelease::message).toList());
    e.plan().ifPresent(p -> plan(e, p));
    e.noPlan().ifPresent(n -> line("plan", noPlan(n)));
    return out.toString();
  }

  private void plan(Explanation e, Plan p) {
    line("plan", p.id() + " " + p.type() + " " + change(p) + ": " + p.state());
    line("why", p.message());
    lines("verdicts", e.verdicts().isEmpty() ? List.of("no constraint applies") : e.verdicts().stream()
        .map(this::verdict).toList());
    line("approval", approval(e.requiredRoles(), e.missingRoles()));
    line("next", next(e, p));
  }

  private String change(Plan p) {
    String from = p.fromVersion().map(Version::toString).orElse("nothing");
    String to = p.toVersion().map(Version::toString).orElse("nothing");
    return from + " " + symbols.arrow() + " " + to;
  }

  private String verdict(Verdict v) {
    return (v.satisfied() ? symbols.ok() : symbols.violated()) + " " + v.constraint() + " (" + v.kind() + "): "
        + v.message();
  }

  private static String running(EntityReport r) {
    String version = r.version().map(Version::toString).orElse("nothing installed");
    String lastPlan = r.lastPlanId()
        .map(id -> ", last plan " + id + r.lastPlanOutcome().map(o -> " " + o).orElse(""))
        .orElse("");
    String message = r.message().isBlank() ? "" : " (" + r.message() + ")";
    return version + ", " + r.state() + ", " + r.health() + lastPlan + message;
  }

  private static String target(Target t) {
    return t.version().map(v -> v + " (" + t.message() + ")").orElse("none: " + t.message());
  }

  private static String noPlan(NoPlan n) {
    return "none (" + n.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + n.message();
  }

  private static String approval(Set<String> required, Set<String> missing) {
    if (required.isEmpty()) {
      return "none required";
    }
    String needs = "needs " + String.join(", ", required);
    return missing.isEmpty() ? needs + " (all given)" : needs + " (missing: " + String.join(", ", missing) + ")";
  }

  private static String next(Explanation e, Plan p) {
    String approvals = e.missingRoles().isEmpty() ? "" : "; then needs approval from "
        + String.join(", ", e.missingRoles());
    if (p.state() == PlanState.BLOCKED) {
      Optional<String> at = e.nextProceedAt().map(i -> "could proceed at " + i);
      return at.orElse("blocked until what it waits for changes (no time can be given)") + approvals;
    }
    if (p.state() == PlanState.PENDING) {
      return "waiting for approval from " + String.join(", ", e.missingRoles());
    }
    if (p.state() == PlanState.APPROVED) {
      return "ready to dispatch";
    }
    return p.state().name().toLowerCase(Locale.ROOT);
  }

  private void line(String label, String text) {
    out.append("  ").append(pad(label)).append(text).append('\n');
  }

  /** The first item beside the label, the rest aligned under it; nothing at all for an empty list. */
  private void lines(String label, List<String> items) {
    for (int i = 0; i < items.size(); i++) {
      out.append("  ").append(pad(i == 0 ? label : "")).append(items.get(i)).append('\n');
    }
  }

  private static String pad(String label) {
    return label + " ".repeat(Math.max(1, LABEL - label.length()));
  }
}
