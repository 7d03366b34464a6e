package io.apollo.core.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.core.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18: the fleet index edited for the entities that changed equals the index built afresh, and
 * {@link StateChanges} names exactly the entities that changed. On the sample repository and its reports.
 */
class FleetUpdateTest {
  private static final EntityId POSTGRES = EntityId.parse("staging/postgres-db");
  private static final EntityId AUTH = EntityId.parse("production/auth-service");

  record Change(UnaryOperator<DesiredState> desired, UnaryOperator<ReportedState> reported) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing changed", new Change(d -> d, r -> r), Set.of()),
        Arguments.of("a dependency runs another version", new Change(d -> d,
            r -> edit(r, POSTGRES, e -> report(e, Optional.of(Version.parse("14.0.0"))))), Set.of(POSTGRES)),
        Arguments.of("an entity is no longer installed", new Change(d -> d,
            r -> edit(r, AUTH, e -> report(e, Optional.empty()))), Set.of(AUTH)),
        Arguments.of("a report is gone", new Change(d -> d, r -> edit(r, AUTH, e -> null)), Set.of(AUTH)),
        Arguments.of("a definition is gone, its report stays", new Change(d -> without(d, POSTGRES), r -> r),
            Set.of(POSTGRES)),
        Arguments.of("a definition and its report are gone", new Change(d -> without(d, AUTH),
            r -> edit(r, AUTH, e -> null)), Set.of(AUTH)),
        Arguments.of("an entity reported for the first time", new Change(d -> d, r -> edit(r,
            EntityId.parse("staging/legacy"), e -> new EntityReport(EntityId.parse("staging/legacy"),
                ProductId.parse("com.example:postgres-db"), Optional.of(Version.parse("15.5.20")),
                EntityState.RUNNING, Health.HEALTHY, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", Instant.EPOCH))), Set.of(EntityId.parse("staging/legacy"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anIndexEditedForTheChangedEntitiesEqualsOneBuiltAfresh(String name, Change change, Set<EntityId> expected)
      throws IOException {
    DesiredState desired = ConfigLoader.withDefaults().load(Path.of("..", "sample-repo")).state();
    ReportedState reported = sampleReports();
    DesiredState nextDesired = change.desired().apply(desired);
    ReportedState nextReported = change.reported().apply(reported);

    Set<EntityId> changed = StateChanges.sorted(desired.entities(), nextDesired.entities());
    changed.addAll(StateChanges.reports(reported, nextReported));

    assertThat(changed).isEqualTo(expected);
    Fleet fresh = Fleet.index(nextDesired, nextReported);
    assertThat(Fleet.index(desired, reported).update(nextDesired, nextReported, changed).contents())
        .isEqualTo(fresh.contents());
  }

  private static EntityReport report(EntityReport e, Optional<Version> version) {
    return new EntityReport(e.entity(), e.product(), version, version.isPresent() ? e.state()
        : EntityState.UNMANAGED, e.health(), e.configDigest(), e.lastPlanId(), e.lastPlanOutcome(),
        e.lastHealthyVersion(), e.message(), e.observedAt());
  }

  /** {@code r} with {@code id}'s report replaced by what {@code change} gives (null: removed). */
  private static ReportedState edit(ReportedState r, EntityId id, UnaryOperator<EntityReport> change) {
    Map<EntityId, EntityReport> all = new HashMap<>(r.entities());
    EntityReport next = change.apply(all.get(id));
    if (next == null) {
      all.remove(id);
    } else {
      all.put(id, next);
    }
    return new ReportedState(all, r.healthySince());
  }

  private static DesiredState without(DesiredState d, EntityId id) {
    TreeMap<EntityId, Entity> entities = new TreeMap<>(d.entities());
    assertThat(entities.remove(id)).isNotNull();
    return new DesiredState(d.products(), d.releases(), d.environments(), entities, d.constraints(),
        d.approvalPolicies(), d.roles(), d.plans(), d.invalidEntities(), d.notifications(), d.holds());
  }

  private static ReportedState sampleReports() throws IOException {
    Path reports = Path.of("..", "docs", "examples", "sample-reported-state.json");
    return ReportedState.of(SpokeReportJson.read(reports.toString(), Files.readAllBytes(reports)));
  }
}
