package io.apollo.core.load;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.Signatures;
import io.apollo.core.config.ApprovalRule;
import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Selector;
import io.apollo.core.config.PlanType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Maps {@code Constraint} and {@code ApprovalPolicy} documents, checking crons, durations, zones and instants. */
final class ConstraintMapper {
  private static final CronParser UNIX_CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private ConstraintMapper() {}

  static Optional<Constraint> constraint(DocumentReader r) {
    Optional<Selector> selector = selector(r, "/spec/selector");
    Optional<ConstraintRule> rule;
    if (r.has("/spec/maintenanceWindow")) {
      rule = maintenanceWindow(r);
    } else if (r.has("/spec/suppressionWindow")) {
      rule = suppressionWindow(r);
    } else if (r.has("/spec/promotion")) {
      rule = promotion(r);
    } else {
      rule = Optional.of(new ConstraintRule.Dependency(r.node("/spec/dependency/requireHealthy").asBoolean(true)));
    }
    if (selector.isEmpty() || rule.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Constraint(r.metadata(), selector.get(), rule.get(), r.origin()));
  }

  /** The selector at {@code /spec/selector} (a Constraint's, a Notification's). */
  static Optional<Selector> selector(DocumentReader r) {
    return selector(r, "/spec/selector");
  }

  static Optional<Selector> selector(DocumentReader r, String base) {
    Set<ProductId> products = new LinkedHashSet<>();
    boolean ok = true;
    List<String> names = r.strings(base + "/products");
    for (int i = 0; i < names.size(); i++) {
      Optional<ProductId> id = r.productId(base + "/products/" + i);
      id.ifPresent(products::add);
      ok &= id.isPresent();
    }
    return ok
        ? Optional.of(new Selector(new LinkedHashSet<>(r.strings(base + "/environments")), products,
            new LinkedHashSet<>(r.strings(base + "/entities")), r.stringMap(base + "/labels")))
        : Optional.empty();
  }

  /** {@code promotion {from: <selector>, bake: <duration>}}: the source of a staged rollout and its bake time. */
  private static Optional<ConstraintRule> promotion(DocumentReader r) {
    String base = "/spec/promotion";
    Optional<Selector> from = selector(r, base + "/from");
    Optional<Duration> bake = duration(r, base + "/bake");
    if (from.isEmpty() || bake.isEmpty()) {
      return Optional.empty();
    }
    if (from.get().environments().isEmpty() && from.get().entities().isEmpty() && from.get().labels().isEmpty()) {
      r.problem(base + "/from", ProblemReason.INVALID_VALUE, "spec.promotion.from must name environments,"
          + " entities or labels: the entities a release bakes on first (e.g. from: {environments: [staging]})");
      return Optional.empty();
    }
    return Optional.of(new ConstraintRule.Promotion(from.get(), bake.get()));
  }

  private static Optional<ConstraintRule> maintenanceWindow(DocumentReader r) {
    String base = "/spec/maintenanceWindow";
    String cron = r.string(base + "/cron").orElseThrow();
    boolean ok = true;
    try {
      UNIX_CRON.parse(cron).validate();
    } catch (IllegalArgumentException e) {
      r.problem(base + "/cron", ProblemReason.INVALID_VALUE, "spec.maintenanceWindow.cron: '" + cron
          + "' is not a UNIX cron expression (5 fields: minute hour day-of-month month day-of-week, e.g. '0 2 * * 6'): "
          + e.getMessage());
      ok = false;
    }
    Optional<Duration> duration = duration(r, base + "/duration");
    Optional<ZoneId> zone = zone(r, base + "/timeZone");
    if (!ok || duration.isEmpty() || zone.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConstraintRule.MaintenanceWindow(cron, duration.get(), zone.get()));
  }

  private static Optional<ConstraintRule> suppressionWindow(DocumentReader r) {
    String base = "/spec/suppressionWindow";
    Optional<Instant> start = instantOrDate(r, base + "/start");
    Optional<Instant> end = instantOrDate(r, base + "/end");
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    if (!end.get().isAfter(start.get())) {
      r.problem(base + "/end", ProblemReason.INVALID_VALUE, "spec.suppressionWindow.end (" + end.get()
          + ") must be after start (" + start.get() + "); end is exclusive");
      return Optional.empty();
    }
    return Optional.of(new ConstraintRule.SuppressionWindow(start.get(), end.get(),
        r.string(base + "/reason").orElse("")));
  }

  /**
   * An entity's {@code canary {of, bake}}: {@code of} is an environment name, an entity id ({@code env/name}) or a
   * selector ({@code environments}, {@code entities}, {@code labels}).
   */
  static Optional<io.apollo.core.config.Canary> canary(DocumentReader r) {
    String base = "/spec/canary";
    Optional<Duration> bake = duration(r, base + "/bake");
    Optional<Selector> of;
    Optional<String> text = r.node(base + "/of").isString() ? r.string(base + "/of") : Optional.empty();
    if (text.isPresent()) {
      String t = text.get();
      of = Optional.of(t.contains("/") ? new Selector(Set.of(), Set.of(), Set.of(t), java.util.Map.of())
          : new Selector(Set.of(t), Set.of(), Set.of(), java.util.Map.of()));
    } else {
      of = selector(r, base + "/of");
      if (of.isPresent() && of.get().environments().isEmpty() && of.get().entities().isEmpty()
          && of.get().labels().isEmpty()) {
        r.problem(base + "/of", ProblemReason.INVALID_VALUE, "spec.canary.of must name the entities it is the"
            + " canary of: an environment, an entity id, or a selector (e.g. of: production)");
        return Optional.empty();
      }
    }
    if (bake.isEmpty() || of.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new io.apollo.core.config.Canary(of.get(), bake.get()));
  }

  private static Optional<Duration> duration(DocumentReader r, String pointer) {
    String text = r.string(pointer).orElseThrow();
    try {
      Duration duration = Duration.parse(text);
      if (!duration.isNegative() && !duration.isZero()) {
        return Optional.of(duration);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    r.problem(pointer, ProblemReason.INVALID_VALUE, DocumentReader.dotted(pointer) + ": '" + text
        + "' is not a positive ISO-8601 duration (e.g. PT4H, PT90M, P1D)");
    return Optional.empty();
  }

  private static Optional<ZoneId> zone(DocumentReader r, String pointer) {
    Optional<String> text = r.string(pointer);
    if (text.isEmpty()) {
      return Optional.of(ZoneOffset.UTC);
    }
    try {
      return Optional.of(ZoneId.of(text.get()));
    } catch (DateTimeException e) {
      r.problem(pointer, ProblemReason.INVALID_VALUE, DocumentReader.dotted(pointer) + ": '" + text.get()
          + "' is not a time zone (use an IANA name such as Europe/London or America/New_York, or UTC)");
      return Optional.empty();
    }
  }

  /** An RFC 3339 instant; a date-time without an offset, or a date (its start), in UTC. */
  private static Optional<Instant> instantOrDate(DocumentReader r, String pointer) {
    String text = r.string(pointer).orElseThrow();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(text.contains("T")
            ? LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)
            : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException e2) {
        r.problem(pointer, ProblemReason.INVALID_VALUE, DocumentReader.dotted(pointer) + ": '" + text
            + "' is neither an RFC 3339 instant (2026-12-20T00:00:00Z) nor a date (2026-12-20)");
        return Optional.empty();
      }
    }
  }

  static Optional<ApprovalPolicy> approvalPolicy(DocumentReader r) {
    List<ApprovalRule> rules = new ArrayList<>();
    int count = r.node("/spec/rules").size();
    for (int i = 0; i < count; i++) {
      String base = "/spec/rules/" + i;
      Set<PlanType> types = EnumSet.noneOf(PlanType.class);
      r.strings(base + "/match/planTypes").forEach(t -> PlanType.fromWireName(t).ifPresent(types::add));
      Set<Criticality> criticality = EnumSet.noneOf(Criticality.class);
      r.strings(base + "/match/criticality").forEach(c -> Criticality.fromWireName(c).ifPresent(criticality::add));
      rules.add(new ApprovalRule(new LinkedHashSet<>(r.strings(base + "/match/environments")), types, criticality,
          new LinkedHashSet<>(r.strings(base + "/requiredRoles"))));
    }
    return Optional.of(new ApprovalPolicy(r.metadata(), rules,
        r.string("/spec/signatures").flatMap(Signatures::fromWireName), r.origin()));
  }
}
