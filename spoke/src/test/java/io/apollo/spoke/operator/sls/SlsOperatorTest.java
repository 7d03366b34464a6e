package io.apollo.spoke.operator.sls;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductType;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.OperatorResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plans the sls operator refuses before anything runs, and its record on disk; no process is started here. */
class SlsOperatorTest {
  @TempDir static Path shared;

  static Stream<Arguments> refusedPlans() {
    PlanMessage install = SlsFixtures.plan(PlanType.INSTALL, null, "1.0.0", Map.of(), "file:///x.tgz", "ab".repeat(32));
    return Stream.of(
        Arguments.of("a helm plan", withType(install, ProductType.HELM_CHART), SlsReason.INVALID_PLAN, "helm-chart"),
        Arguments.of("an entity name that is not a folder name", withEntity(install, new EntityId("test", "..")),
            SlsReason.INVALID_PLAN, "cannot be a folder name"),
        Arguments.of("an environment name that hides a folder", withEntity(install, new EntityId(".ssh", "x")),
            SlsReason.INVALID_PLAN, "cannot be a folder name"),
        Arguments.of("an artifact without sha256",
            SlsFixtures.plan(PlanType.INSTALL, null, "1.0.0", Map.of(), "file:///x.tgz", null), SlsReason.INVALID_PLAN,
            "has no sha256"),
        Arguments.of("an install without artifact", SlsFixtures.plan(PlanType.INSTALL, null, "1.0.0", Map.of(), null,
            null), SlsReason.INVALID_PLAN, "no artifact"),
        Arguments.of("a config update of nothing", SlsFixtures.plan(PlanType.CONFIG_UPDATE, "1.0.0", "1.0.0",
            Map.of("a", 1), null, null), SlsReason.NOT_INSTALLED, "nothing is installed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedPlans")
  void refusesWithAReasonAndWritesNothingOutsideItsFolder(String name, PlanMessage plan, SlsReason reason,
      String words) throws Exception {
    Path work = Files.createTempDirectory(shared, "work");
    OperatorResult result = new SlsOperator(work, SlsLimits.defaults()).run(plan);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).isEqualTo(reason.wireName());
    assertThat(result.message()).contains(plan.id()).contains(words);
    assertThat(result.running()).isEmpty();
    try (Stream<Path> files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("sls"))).isEmpty();
    }
  }

  @Test
  void uninstallingNothingSucceedsAndObservingNothingSaysSo(@TempDir Path work) {
    SlsOperator sls = new SlsOperator(work, SlsLimits.defaults());
    OperatorResult result = sls.run(SlsFixtures.plan(PlanType.UNINSTALL, "1.0.0", null, Map.of(), null, null));

    assertThat(result.succeeded()).as(result.message()).isTrue();
    assertThat(sls.observe(SlsFixtures.ENTITY)).isEqualTo(Observation.nothingInstalled());
  }

  @Test
  void theRecordSurvivesARoundTripAndKeepsTheMostRecentVersionFirst(@TempDir Path work) {
    WorkFolder folder = new WorkFolder(work);
    Path entity = folder.entity(SlsFixtures.ENTITY);
    EntityRecord record = EntityRecord.none("catalog")
        .running("catalog", Version.parse("1.0.0"), "sha256:aa")
        .running("catalog", Version.parse("1.1.0"), "sha256:bb")
        .running("catalog", Version.parse("1.0.0"), "sha256:cc");
    record.write(folder, entity);

    EntityRecord read = EntityRecord.read(entity).orElseThrow();
    assertThat(read).isEqualTo(record);
    assertThat(read.current()).contains(Version.parse("1.0.0"));
    assertThat(read.configDigest()).contains("sha256:cc");
    assertThat(read.recent()).isEqualTo(List.of("1.0.0", "1.1.0"));
    assertThat(EntityRecord.read(folder.entity(new EntityId("test", "other")))).isEqualTo(Optional.empty());
  }

  private static PlanMessage withType(PlanMessage p, ProductType type) {
    return new PlanMessage(p.id(), p.entity(), p.product(), p.spoke(), type, p.type(), p.fromVersion(), p.toVersion(),
        p.configDigest(), p.config(), p.artifact());
  }

  private static PlanMessage withEntity(PlanMessage p, EntityId entity) {
    return new PlanMessage(p.id(), entity, p.product(), p.spoke(), p.productType(), p.type(), p.fromVersion(),
        p.toVersion(), p.configDigest(), p.config(), p.artifact());
  }
}
