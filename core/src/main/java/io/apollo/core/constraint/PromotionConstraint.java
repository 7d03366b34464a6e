package io.apollo.core.constraint;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.Presence;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Selector;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A promotion gate (staged rollout): an install or upgrade to release R of an entity may proceed only once R has run
 * RUNNING and HEALTHY, without a break, for the bake time on every source entity: each entity of the same product
 * that the source selector picks (the changed entity itself excepted). The bake is counted from the health history
 * of {@link ReportedState#healthySince}, so it survives a restart of the hub. A verdict:
 *
 * <ul>
 *   <li>every source baked R: satisfied;
 *   <li>some source still bakes R, none blocks otherwise: violated, {@code unblocksAt} = the latest bake end;
 *   <li>a source unhealthy, failed, on another version, not reported, or no source at all: violated, and no time can
 *       be given: it lifts when what the source runs changes.
 * </ul>
 *
 * Rollbacks, config updates and uninstalls are never held: going back to a known-good release must not wait. Pure.
 */
final class PromotionConstraint {
  private final String name;
  private final String source;
  private final Duration bake;
  private final Map<ProductId, List<EntityId>> sources;

  private PromotionConstraint(String name, String source, Duration bake, Map<ProductId, List<EntityId>> sources) {
    this.name = name;
    this.source = source;
    this.bake = bake;
    this.sources = sources;
  }

  /** The gate {@code name} with the present entities of {@code desired} that {@code from} picks as sources. */
  static PromotionConstraint of(String name, Selector from, Duration bake, DesiredState desired) {
    Map<ProductId, List<EntityId>> sources = new HashMap<>();
    for (Entity e : desired.entities().values()) {
      if (e.state() == Presence.PRESENT && from.matches(e)) {
        sources.computeIfAbsent(e.product(), p -> new ArrayList<>()).add(e.id());
      }
    }
    return new PromotionConstraint(name, describe(from), bake, sources);
  }

  Verdict evaluate(ProposedChange change, ReportedState reported, Instant now) {
    Objects.requireNonNull(change, "change");
    if ((change.type() != PlanType.INSTALL && change.type() != PlanType.UPGRADE) || change.toVersion().isEmpty()) {
      return Verdict.satisfied(name, ConstraintKind.PROMOTION,
          "a " + change.type() + " is not held for a bake; only installs and upgrades are");
    }
    Version release = change.toVersion().get();
    List<EntityId> from = sources.getOrDefault(change.entity().product(), List.of()).stream()
        .filter(id -> !id.equals(change.entity().id())).toList();
    if (from.isEmpty() && sources.getOrDefault(change.entity().product(), List.of()).contains(change.entity().id())) {
      return Verdict.satisfied(name, ConstraintKind.PROMOTION,
          change.entity().id() + " is the source itself: it takes " + release + " first");
    }
    if (from.isEmpty()) {
      return Verdict.violated(name, ConstraintKind.PROMOTION, "no entity of " + change.entity().product()
          + " matches the source (" + source + "), so " + release + " cannot bake anywhere first;"
          + " fix the constraint's from selector", Optional.empty());
    }
    List<String> blocking = new ArrayList<>();
    List<String> baked = new ArrayList<>();
    Instant latestEnd = null;
    boolean timeKnown = true;
    for (EntityId id : from) {
      Optional<EntityReport> report = reported.get(id);
      Optional<String> stop = report.isEmpty() ? Optional.of(id + " has not reported")
          : notBaking(id, report.get(), release);
      if (stop.isPresent()) {
        blocking.add(stop.get());
        timeKnown = false;
        continue;
      }
      Instant since = reported.healthySince(id).filter(h -> h.version().compareTo(release) == 0)
          .map(HealthySince::since).orElse(report.get().observedAt());
      Instant end = since.plus(bake);
      Duration baking = Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
      if (!now.isBefore(end)) {
        baked.add(id + " ran " + release + " healthy for " + words(baking) + " (bake " + words(bake) + ")");
      } else {
        blocking.add("waits for " + id + " to bake " + release + ": healthy for " + words(baking) + " of "
            + words(bake) + ", done at " + end);
        latestEnd = latestEnd == null || end.isAfter(latestEnd) ? end : latestEnd;
      }
    }
    if (blocking.isEmpty()) {
      return Verdict.satisfied(name, ConstraintKind.PROMOTION, String.join("; ", baked));
    }
    return Verdict.violated(name, ConstraintKind.PROMOTION, String.join("; and ", blocking),
        timeKnown ? Optional.ofNullable(latestEnd) : Optional.empty());
  }

  /** Why {@code report} cannot count towards a bake of {@code release} now, or empty when it bakes it. */
  private static Optional<String> notBaking(EntityId id, EntityReport report, Version release) {
    boolean onRelease = report.version().filter(v -> v.compareTo(release) == 0).isPresent();
    if (report.state() == EntityState.FAILED) {
      return Optional.of(id + (onRelease ? " failed on " + release : " is FAILED")
          + ": nothing is promoted from a failed source; fix it or roll it back first");
    }
    if (!onRelease) {
      return Optional.of(id + " runs " + report.version().map(Version::toString).orElse("nothing") + ", not "
          + release + ": " + release + " must bake there first");
    }
    if (report.state() != EntityState.RUNNING || report.health() != Health.HEALTHY) {
      String how = report.health() == Health.UNHEALTHY ? "unhealthy" : "health " + report.health();
      return Optional.of(id + " runs " + release + " but is " + report.state() + ", " + how
          + ": its bake counts again from when it is healthy");
    }
    return Optional.empty();
  }

  /** When a bake ending at or after {@code from} and no later than {@code to} could turn this gate's verdicts. */
  static boolean bakeEndsBetween(Duration bake, ReportedState reported, Instant from, Instant to) {
    for (HealthySince h : reported.healthySince().values()) {
      Instant end = h.since().plus(bake);
      if (end.isAfter(from) && !end.isAfter(to)) {
        return true;
      }
    }
    for (EntityReport r : reported.entities().values()) {
      Instant end = r.observedAt().plus(bake);
      if (!reported.healthySince().containsKey(r.entity()) && end.isAfter(from) && !end.isAfter(to)) {
        return true;
      }
    }
    return false;
  }

  /** {@code 1h 5m}, {@code 42s}, {@code 0s}: a duration as people read it. */
  static String words(Duration d) {
    long days = d.toDays();
    List<String> parts = new ArrayList<>();
    if (days > 0) {
      parts.add(days + "d");
    }
    if (d.toHoursPart() > 0) {
      parts.add(d.toHoursPart() + "h");
    }
    if (d.toMinutesPart() > 0) {
      parts.add(d.toMinutesPart() + "m");
    }
    if (d.toSecondsPart() > 0 || parts.isEmpty()) {
      parts.add(d.toSecondsPart() + "s");
    }
    return String.join(" ", parts);
  }

  private static String describe(Selector from) {
    List<String> parts = new ArrayList<>();
    if (!from.environments().isEmpty()) {
      parts.add("environments " + String.join(", ", from.environments().stream().sorted().toList()));
    }
    if (!from.entities().isEmpty()) {
      parts.add("entities " + String.join(", ", from.entities().stream().sorted().toList()));
    }
    if (!from.labels().isEmpty()) {
      parts.add("labels " + new java.util.TreeMap<>(from.labels()));
    }
    return parts.isEmpty() ? "every entity" : String.join(", ", parts);
  }
}
