package io.apollo.spoke.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.options.Mode;
import io.apollo.spoke.testing.Eventually;
import io.apollo.spoke.testing.InProcessSpoke;
import io.apollo.spoke.testing.Plans;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poll mode: the spoke long-polls the test hub, which hands plans out until a report names them. */
class PollIT {
  private static final Duration LIMIT = Duration.ofSeconds(15);
  private static final String SPOKE = InProcessSpoke.NAME;

  @TempDir Path dir;
  private InProcessSpoke spoke;

  @BeforeEach
  void start() throws Exception {
    spoke = InProcessSpoke.start(dir, Mode.POLL);
  }

  @AfterEach
  void stop() throws Exception {
    spoke.close();
  }

  @Test
  void takesPlansFromTheHubAndReportsThemDoneWhichAcknowledgesThem() {
    EntityId entity = EntityId.parse("edge/catalog");
    spoke.hub.offer(Plans.plan("q-install", SPOKE, "edge/catalog", PlanType.INSTALL, null, "1.0.0", Map.of()));
    EntityReport installed = awaitOutcome(entity, "q-install", PlanOutcome.SUCCEEDED);
    assertThat(installed.version()).contains(Version.parse("1.0.0"));

    spoke.hub.offer(Plans.plan("q-upgrade", SPOKE, "edge/catalog", PlanType.UPGRADE, "1.0.0", "1.2.0", Map.of()));
    EntityReport upgraded = awaitOutcome(entity, "q-upgrade", PlanOutcome.SUCCEEDED);

    assertThat(upgraded.version()).contains(Version.parse("1.2.0"));
    assertThat(upgraded.state()).isEqualTo(EntityState.RUNNING);
    assertThat(spoke.operator.runs()).containsExactly("q-install", "q-upgrade");
    assertThat(spoke.hub.errors()).isEmpty();
  }

  @Test
  void aPlanHandedOutAgainRunsOnce() {
    PlanMessage plan = Plans.plan("q-again", SPOKE, "edge/again", PlanType.INSTALL, null, "1.0.0", Map.of());
    spoke.hub.offer(plan);
    awaitOutcome(EntityId.parse("edge/again"), "q-again", PlanOutcome.SUCCEEDED);

    // A hub that lost the acknowledgement (restarted) hands the same plan out again.
    spoke.hub.offer(plan);
    Eventually.until("the plan handed out a second time", LIMIT, () -> spoke.hub.handouts("q-again") >= 2);
    awaitOutcome(EntityId.parse("edge/again"), "q-again", PlanOutcome.SUCCEEDED);

    assertThat(spoke.operator.runs()).containsExactly("q-again");
  }

  @Test
  void aPolledPlanForAnotherSpokeIsNotRun() {
    spoke.hub.offer(Plans.plan("q-other", "spoke-b", "edge/other", PlanType.INSTALL, null, "1.0.0", Map.of()));
    spoke.hub.offer(Plans.plan("q-mine", SPOKE, "edge/mine", PlanType.INSTALL, null, "1.0.0", Map.of()));

    awaitOutcome(EntityId.parse("edge/mine"), "q-mine", PlanOutcome.SUCCEEDED);
    Eventually.until("the other spoke's plan handed out", LIMIT, () -> spoke.hub.handouts("q-other") >= 1);

    assertThat(spoke.operator.runs()).containsExactly("q-mine");
    assertThat(spoke.hub.latest(EntityId.parse("edge/other"))).isEmpty();
  }

  private EntityReport awaitOutcome(EntityId entity, String planId, PlanOutcome outcome) {
    return Eventually.await(entity + " reported with " + planId + " " + outcome, LIMIT, () -> spoke.hub.latest(entity)
        .filter(e -> e.lastPlanId().equals(Optional.of(planId)) && e.lastPlanOutcome().equals(Optional.of(outcome))));
  }
}
