package io.apollo.core.forecast;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.Role;
import io.apollo.core.constraint.WindowStarts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a {@link Forecast}. A plan's own time is the first instant, not before {@code now}, at which every
 * maintenance window that selects its entity is open and no freeze that selects it holds: jump to the latest next
 * opening, judge again, repeat (as the planner's own clearance search does), giving up after {@link #SEARCH} or
 * {@value #MAX_STEPS} jumps. Dependency order then holds a plan blocked by an unmet dependency until the waiting plan
 * of the product it depends on (same environment) has landed, and a promotion gate holds a plan until its bake
 * ends (drawn as a {@link BandKind#BAKE} band). A missing role nobody holds rules a plan out whatever
 * the time.
 */
public final class Forecaster {
  /** How far ahead a plan's landing is searched for; beyond it, a plan never lands. */
  public static final Duration SEARCH = Duration.ofDays(400);
  /** Most bands drawn per constraint and environment: a window every minute is drawn as its first ones only. */
  static final int MAX_BANDS = 400;
  private static final int MAX_STEPS = 64;

  private final DesiredState desired;
  private final Instant now;
  private final Map<String, WindowStarts> starts = new HashMap<>();

  private Forecaster(DesiredState desired, Instant now) {
    this.desired = desired;
    this.now = now;
  }

  /** The calendar of {@code days} days from {@code now}, with a landing for each waiting plan of {@code plans}. */
  public static Forecast forecast(DesiredState desired, List<WaitingPlan> plans, Instant now, int days) {
    Forecaster f = new Forecaster(desired, now);
    Instant to = now.plus(Duration.ofDays(days));
    Map<String, List<Band>> bands = new TreeMap<>();
    for (String environment : desired.environments().keySet()) {
      bands.put(environment, f.bands(environment, now, to));
    }
    addBakes(bands, plans, now, to);
    return new Forecast(now, to, bands, f.landings(plans));
  }

  private List<Band> bands(String environment, Instant from, Instant to) {
    List<Band> out = new ArrayList<>();
    for (Constraint c : desired.constraints()) {
      if (!selectsIn(c, environment)) {
        continue;
      }
      switch (c.rule()) {
        case ConstraintRule.MaintenanceWindow w -> {
          WindowStarts cron = starts(c, w);
          Optional<Instant> s = cron.latestIn(from.minus(w.duration()), from).or(() -> cron.firstAfter(from));
          for (int n = 0; s.isPresent() && s.get().isBefore(to) && n < MAX_BANDS; n++) {
            Instant end = s.get().plus(w.duration());
            out.add(new Band(c.name(), BandKind.WINDOW, max(s.get(), from), min(end, to), ""));
            s = cron.firstAfter(s.get());
          }
        }
        case ConstraintRule.SuppressionWindow f -> {
          if (f.start().isBefore(to) && f.end().isAfter(from)) {
            out.add(new Band(c.name(), BandKind.FREEZE, max(f.start(), from), min(f.end(), to), f.reason()));
          }
        }
        case ConstraintRule.Dependency d -> { }
        case ConstraintRule.Promotion p -> { }
      }
    }
    out.sort(Comparator.comparing(Band::start).thenComparing(Band::constraint));
    return out;
  }

  /** One band per bake a waiting plan waits for, in the plan's environment, from now until the bake ends. */
  private static void addBakes(Map<String, List<Band>> bands, List<WaitingPlan> plans, Instant from, Instant to) {
    Set<String> drawn = new HashSet<>();
    for (WaitingPlan p : plans) {
      if (!p.isWaiting() || p.bake().isEmpty() || p.bake().get().endsAt().isEmpty()) {
        continue;
      }
      WaitingPlan.Bake bake = p.bake().get();
      Instant end = bake.endsAt().get();
      String environment = p.entity().environment();
      if (end.isAfter(from) && drawn.add(environment + "\n" + bake.constraint() + "\n" + end)) {
        List<Band> list = bands.computeIfAbsent(environment, e -> new ArrayList<>());
        list.add(new Band(bake.constraint(), BandKind.BAKE, from, min(end, to), bake.message()));
        list.sort(Comparator.comparing(Band::start).thenComparing(Band::constraint));
      }
    }
  }

  /** True when the constraint selects some entity of the environment, or names it while it has none. */
  private boolean selectsIn(Constraint c, String environment) {
    List<Entity> entities = desired.entitiesIn(environment);
    if (entities.isEmpty()) {
      return c.selector().environments().contains(environment);
    }
    return entities.stream().anyMatch(c.selector()::matches);
  }

  private List<Landing> landings(List<WaitingPlan> plans) {
    List<WaitingPlan> waiting = plans.stream().filter(WaitingPlan::isWaiting).toList();
    Map<String, Landing> done = new HashMap<>();
    for (WaitingPlan p : waiting) {
      land(p, waiting, done, new HashSet<>());
    }
    List<Landing> out = new ArrayList<>(done.values());
    out.sort(Comparator.comparing((Landing l) -> l.at().orElse(Instant.MAX)).thenComparing(Landing::planId));
    return out;
  }

  private Landing land(WaitingPlan p, List<WaitingPlan> waiting, Map<String, Landing> done, Set<String> visiting) {
    Landing known = done.get(p.id());
    if (known != null) {
      return known;
    }
    visiting.add(p.id());
    Landing landing = ownLanding(p);
    if (!landing.never() && p.dependencyMessage().isPresent()) {
      landing = afterDependency(p, landing, waiting, done, visiting);
    }
    done.put(p.id(), landing);
    return landing;
  }

  private Landing ownLanding(WaitingPlan p) {
    List<String> missing = p.missingRoles().stream().sorted().toList();
    for (String role : missing) {
      Role r = desired.roles().get(role);
      if (r == null || r.members().isEmpty()) {
        return landing(p, Optional.empty(), LandingReason.NEVER_ROLE, "role " + role + (r == null
            ? " is not defined" : " has no members") + ": nobody can approve it; add a member to the role");
      }
    }
    Optional<WaitingPlan.Bake> bake = p.bake();
    if (bake.isPresent() && bake.get().endsAt().isEmpty()) {
      return landing(p, Optional.empty(), LandingReason.BAKE_UNMET, bake.get().message());
    }
    Instant from = bake.flatMap(WaitingPlan.Bake::endsAt).map(end -> max(end, now)).orElse(now);
    Optional<Entity> entity = desired.entity(p.entity());
    Optional<Instant> at = entity.isEmpty() ? Optional.of(from) : clearance(entity.get(), from);
    if (at.isEmpty()) {
      return landing(p, at, LandingReason.NEVER_WINDOW, "no moment in the next " + SEARCH.toDays()
          + " days has every maintenance window open outside every freeze that selects " + p.entity());
    }
    if (bake.isPresent() && at.get().isAfter(now)) {
      Instant end = bake.get().endsAt().orElseThrow();
      return landing(p, at, LandingReason.AFTER_BAKE, "after the bake of " + bake.get().constraint() + " ends at "
          + end + (at.get().isAfter(end) ? ", at the first moment its windows and freezes allow after it" : "")
          + (missing.isEmpty() ? "" : ", once approved by " + String.join(", ", missing)));
    }
    if (!at.get().isAfter(now)) {
      return landing(p, at, LandingReason.NOW, missing.isEmpty() ? "could proceed now"
          : "could proceed as soon as approved by " + String.join(", ", missing));
    }
    return landing(p, at, LandingReason.WINDOW, "the first moment its windows and freezes allow"
        + (missing.isEmpty() ? "" : ", once approved by " + String.join(", ", missing)));
  }

  private Landing afterDependency(WaitingPlan p, Landing own, List<WaitingPlan> waiting, Map<String, Landing> done,
      Set<String> visiting) {
    Set<io.apollo.core.config.ProductId> needs = new HashSet<>();
    p.toVersion().flatMap(v -> desired.release(p.product(), v))
        .ifPresent(r -> r.requiredDependencies().stream().map(ProductDependency::product).forEach(needs::add));
    for (WaitingPlan other : waiting) {
      if (other.entity().environment().equals(p.entity().environment()) && needs.contains(other.product())
          && !visiting.contains(other.id())) {
        Landing first = land(other, waiting, done, visiting);
        if (first.at().isEmpty()) {
          return landing(p, Optional.empty(), LandingReason.DEPENDENCY_UNMET, "waits for plan " + other.id()
              + " of " + other.entity() + ", which cannot land: " + first.message(), Optional.of(other.id()));
        }
        Instant at = max(own.at().orElseThrow(), first.at().get());
        return landing(p, Optional.of(at), LandingReason.AFTER_DEPENDENCY, "lands after plan " + other.id()
            + " of " + other.entity() + " (dependency order)", Optional.of(other.id()));
      }
    }
    return landing(p, Optional.empty(), LandingReason.DEPENDENCY_UNMET, p.dependencyMessage().orElseThrow()
        + "; no waiting plan meets it", Optional.empty());
  }

  /** The first instant not before {@code from} when every window selecting the entity is open and no freeze holds. */
  private Optional<Instant> clearance(Entity entity, Instant from) {
    Instant at = from;
    Instant limit = now.plus(SEARCH);
    for (int step = 0; step < MAX_STEPS && !at.isAfter(limit); step++) {
      Instant next = at;
      for (Constraint c : desired.constraints()) {
        if (!c.selector().matches(entity)) {
          continue;
        }
        Optional<Instant> clears = clearsAt(c, at);
        if (clears.isEmpty()) {
          return Optional.empty();
        }
        next = max(next, clears.get());
      }
      if (next.equals(at)) {
        return Optional.of(at);
      }
      at = next;
    }
    return Optional.empty();
  }

  /** When the constraint next lets a change through from {@code at} on ({@code at} itself when it does now). */
  private Optional<Instant> clearsAt(Constraint c, Instant at) {
    return switch (c.rule()) {
      case ConstraintRule.MaintenanceWindow w -> {
        WindowStarts cron = starts(c, w);
        yield cron.latestIn(at.minus(w.duration()), at).isPresent() ? Optional.of(at) : cron.firstAfter(at);
      }
      case ConstraintRule.SuppressionWindow f ->
          !at.isBefore(f.start()) && at.isBefore(f.end()) ? Optional.of(f.end()) : Optional.of(at);
      case ConstraintRule.Dependency d -> Optional.of(at);
      case ConstraintRule.Promotion p -> Optional.of(at);
    };
  }

  private WindowStarts starts(Constraint c, ConstraintRule.MaintenanceWindow w) {
    return starts.computeIfAbsent(c.name(), k -> WindowStarts.parse(w.cron(), w.timeZone()));
  }

  private static Landing landing(WaitingPlan p, Optional<Instant> at, LandingReason reason, String message) {
    return landing(p, at, reason, message, Optional.empty());
  }

  private static Landing landing(WaitingPlan p, Optional<Instant> at, LandingReason reason, String message,
      Optional<String> after) {
    return new Landing(p.id(), p.entity(), p.state(), at, reason, message, after,
        p.missingRoles().stream().sorted().toList());
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
