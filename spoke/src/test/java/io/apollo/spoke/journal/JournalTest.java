package io.apollo.spoke.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.testing.Plans;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  @TempDir Path dir;

  private final PlanMessage install = Plans.plan("j-1", "s", "prod/a", PlanType.INSTALL, null, "1.0.0",
      Map.of("k", "v"));

  @Test
  void takesAPlanIdOnceAndRemembersIt() {
    try (Journal journal = Journal.open(dir)) {
      Taken first = journal.take(install, T0);
      Taken second = journal.take(install, T0.plusSeconds(1));

      assertThat(first.fresh()).isTrue();
      assertThat(second.fresh()).isFalse();
      assertThat(second.record().status()).isEqualTo(PlanStatus.TAKEN);
      assertThat(second.record().plan()).isEqualTo(install);
    }
  }

  @Test
  void keepsPlansOutcomesAndEntitiesAcrossAReopen() {
    EntityRecord begun;
    try (Journal journal = Journal.open(dir)) {
      PlanRecord taken = journal.take(install, T0).record();
      journal.take(Plans.plan("j-2", "s", "prod/a", PlanType.UPGRADE, "1.0.0", "1.1.0", Map.of()), T0);
      begun = EntityRecord.unknown(install.entity(), install.product(), T0).planBegun("j-1", T0);
      journal.begin("j-1", begun, T0);
      EntityRecord done = begun.planEnded("j-1", true, Optional.of(Version.parse("1.0.0")),
          Optional.of(install.configDigest()), Health.HEALTHY, "installed", T0.plusSeconds(2));
      journal.finish(taken.finished(true, "succeeded", "installed", T0.plusSeconds(2)), done);
    }

    try (Journal reopened = Journal.open(dir)) {
      PlanRecord record = reopened.plan("j-1").orElseThrow();
      assertThat(record.status()).isEqualTo(PlanStatus.SUCCEEDED);
      assertThat(record.message()).isEqualTo("installed");
      assertThat(record.finishedAt()).contains(T0.plusSeconds(2));
      assertThat(reopened.steps("j-1")).extracting(s -> s.substring(s.indexOf(' ') + 1))
          .containsExactly("taken", "begun", "finished succeeded");
      assertThat(reopened.unfinished()).extracting(PlanRecord::id).containsExactly("j-2");
      EntityRecord entity = reopened.entities().getFirst();
      assertThat(entity.version()).contains(Version.parse("1.0.0"));
      assertThat(entity.state()).isEqualTo(EntityState.RUNNING);
      assertThat(entity.lastPlanOutcome()).contains(PlanOutcome.SUCCEEDED);
      assertThat(entity.configDigest()).contains(install.configDigest());
      assertThat(entity.currentRanHealthy()).isTrue();
    }
  }

  @Test
  void listsUnfinishedPlansInTheOrderTheyWereTaken() {
    try (Journal journal = Journal.open(dir)) {
      for (String id : new String[] {"z", "a", "m"}) {
        journal.take(Plans.plan(id, "s", "prod/a", PlanType.INSTALL, null, "1.0.0", Map.of()), T0);
      }
      assertThat(journal.unfinished()).extracting(PlanRecord::id).containsExactly("z", "a", "m");
    }
  }
}
