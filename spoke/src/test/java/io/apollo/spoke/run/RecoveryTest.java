package io.apollo.spoke.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductType;
import io.apollo.core.report.EntityState;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.journal.EntityRecord;
import io.apollo.spoke.journal.Journal;
import io.apollo.spoke.journal.PlanRecord;
import io.apollo.spoke.journal.PlanStatus;
import io.apollo.spoke.state.EntityBook;
import io.apollo.spoke.testing.FileOperator;
import io.apollo.spoke.testing.Plans;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restart makes of a plan it finds begun but not finished: decided by observation, never by a second run. */
class RecoveryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private PlanRecord cutShort(Journal journal, EntityBook book, PlanMessage plan) {
    PlanRecord taken = journal.take(plan, CLOCK.instant()).record();
    book.begin(taken);
    return taken;
  }

  private Recovery recovery(Journal journal, FileOperator operator, EntityBook book) {
    return new Recovery(journal, Operators.of(Map.of(ProductType.SLS_SERVICE, operator)), book, CLOCK);
  }

  @Test
  void aPlanWhoseTargetRunsHealthyAtItsDigestSucceeded() {
    FileOperator operator = new FileOperator(dir.resolve("fake"));
    PlanMessage plan = Plans.plan("r-1", "s", "prod/a", PlanType.INSTALL, null, "1.0.0", Map.of());
    try (Journal journal = Journal.open(dir)) {
      EntityBook book = new EntityBook(journal, CLOCK);
      cutShort(journal, book, plan);
      operator.run(plan); // the operator finished; the spoke died before journaling it

      assertThat(recovery(journal, operator, book).resolveUnfinished()).isEqualTo(1);

      PlanRecord record = journal.plan("r-1").orElseThrow();
      assertThat(record.status()).isEqualTo(PlanStatus.SUCCEEDED);
      assertThat(record.message()).contains("completed before a spoke restart");
      EntityRecord entity = book.snapshot().getFirst();
      assertThat(entity.state()).isEqualTo(EntityState.RUNNING);
      assertThat(entity.version()).contains(Version.parse("1.0.0"));
      assertThat(operator.runs()).as("never run again").containsExactly("r-1");
    }
  }

  @Test
  void aPlanWhoseTargetIsNotThereFailedWithWhatWasFound() {
    FileOperator operator = new FileOperator(dir.resolve("fake"));
    PlanMessage install = Plans.plan("r-0", "s", "prod/a", PlanType.INSTALL, null, "1.0.0", Map.of());
    operator.run(install);
    PlanMessage upgrade = Plans.plan("r-1", "s", "prod/a", PlanType.UPGRADE, "1.0.0", "2.0.0", Map.of());
    try (Journal journal = Journal.open(dir)) {
      EntityBook book = new EntityBook(journal, CLOCK);
      cutShort(journal, book, upgrade);

      recovery(journal, operator, book).resolveUnfinished();

      PlanRecord record = journal.plan("r-1").orElseThrow();
      assertThat(record.status()).isEqualTo(PlanStatus.FAILED);
      assertThat(record.reason()).isEqualTo(Recovery.INTERRUPTED);
      assertThat(record.message()).isEqualTo("interrupted by a spoke restart; found 1.0.0 running (healthy)");
      EntityRecord entity = book.snapshot().getFirst();
      assertThat(entity.state()).isEqualTo(EntityState.FAILED);
      assertThat(entity.version()).contains(Version.parse("1.0.0"));
      assertThat(operator.runs()).containsExactly("r-0");
    }
  }

  @Test
  void anUninstallWithNothingLeftSucceeded() {
    FileOperator operator = new FileOperator(dir.resolve("fake"));
    PlanMessage uninstall = Plans.plan("r-9", "s", "prod/a", PlanType.UNINSTALL, "1.0.0", null, Map.of());
    try (Journal journal = Journal.open(dir)) {
      EntityBook book = new EntityBook(journal, CLOCK);
      cutShort(journal, book, uninstall);

      recovery(journal, operator, book).resolveUnfinished();

      assertThat(journal.plan("r-9").orElseThrow().status()).isEqualTo(PlanStatus.SUCCEEDED);
      assertThat(book.snapshot().getFirst().state()).isEqualTo(EntityState.UNMANAGED);
      assertThat(journal.unfinished()).isEmpty();
    }
  }
}
