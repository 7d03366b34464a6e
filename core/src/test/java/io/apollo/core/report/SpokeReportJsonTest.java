package io.apollo.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.entity.EntityState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpokeReportJsonTest {

  @Test
  void readsReportsOfSeveralSpokesIntoOneReportedState() throws IOException {
    List<SpokeReport> reports = SpokeReportJson.read("two-spokes.json", resource("report/two-spokes.json"));

    ReportedState state = ReportedState.of(reports);

    EntityReport prod = state.get(EntityId.parse("production/auth")).orElseThrow();
    assertThat(prod.state()).isEqualTo(EntityState.FAILED);
    assertThat(prod.lastHealthyVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("1.2.0"));
    assertThat(prod.configDigest()).isEmpty();
    assertThat(prod.message()).isEqualTo("init.sh check exited 1");
    assertThat(state.get(EntityId.parse("staging/auth")).orElseThrow().isRunningHealthy()).isTrue();
  }

  @Test
  void writesWhatItReads() throws IOException {
    List<SpokeReport> reports = SpokeReportJson.read("two-spokes.json", resource("report/two-spokes.json"));

    for (SpokeReport report : reports) {
      byte[] written = SpokeReportJson.write(report).toString().getBytes(StandardCharsets.UTF_8);
      assertThat(SpokeReportJson.read("written", written)).containsExactly(report);
    }
  }

  @Test
  void namesTheFileAndFieldOfABadValue() throws IOException {
    assertThatThrownBy(() -> SpokeReportJson.read("bad-state.json", resource("report/bad-state.json")))
        .isInstanceOf(ApolloException.class)
        .hasMessage("bad-state.json: entities[0].state: 'RUNING': expected one of UNMANAGED, PENDING, INSTALLING, "
            + "RUNNING, DEGRADED, FAILED");
  }

  @Test
  void saysWhatAMissingFieldIs() {
    byte[] json = "{\"spoke\": \"s\", \"entities\": []}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SpokeReportJson.read("r.json", json)).hasMessage("r.json: reportedAt: required");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SpokeReportJsonTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
