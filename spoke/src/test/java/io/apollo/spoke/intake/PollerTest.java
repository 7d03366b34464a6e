package io.apollo.spoke.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductType;
import io.apollo.spoke.SpokeException;
import io.apollo.spoke.journal.Journal;
import io.apollo.spoke.run.Operators;
import io.apollo.spoke.run.PlanRunner;
import io.apollo.spoke.state.EntityBook;
import io.apollo.spoke.testing.FileOperator;
import io.apollo.spoke.testing.Plans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the poller makes of one poll answer: new plans taken once, bad and foreign ones skipped. */
class PollerTest {
  @TempDir Path dir;

  @Test
  void takesNewPlansOnceAndSkipsWhatItMustRefuse() {
    FileOperator operator = new FileOperator(dir.resolve("fake"));
    Operators operators = Operators.of(Map.of(ProductType.SLS_SERVICE, operator));
    try (Journal journal = Journal.open(dir);
        PlanRunner runner = new PlanRunner(operators, new EntityBook(journal, Clock.systemUTC()), Clock.systemUTC())) {
      PlanDesk desk = new PlanDesk("spoke-a", journal, operators, runner, Clock.systemUTC());
      Poller poller = new Poller(null, desk, Duration.ofSeconds(1));
      String mine = Plans.json(Plans.plan("p-1", "spoke-a", "prod/a", PlanType.INSTALL, null, "1.0.0", Map.of()));
      String theirs = Plans.json(Plans.plan("p-2", "spoke-b", "prod/b", PlanType.INSTALL, null, "1.0.0", Map.of()));
      byte[] answer = ("{\"plans\": [" + mine + ", " + theirs + ", {\"id\": \"broken\"}]}")
          .getBytes(StandardCharsets.UTF_8);

      assertThat(poller.take(answer)).isEqualTo(new Poller.Polled(3, 1));
      assertThat(poller.take(answer)).as("handed out again").isEqualTo(new Poller.Polled(3, 0));
      assertThat(journal.plan("p-1")).isPresent();
      assertThat(journal.plan("p-2")).as("another spoke's plan is not taken").isEmpty();
      assertThat(poller.take("{\"plans\": []}".getBytes(StandardCharsets.UTF_8))).isEqualTo(new Poller.Polled(0, 0));
      assertThatThrownBy(() -> poller.take("<html>".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SpokeException.class).hasMessageContaining("not JSON");
    }
  }
}
