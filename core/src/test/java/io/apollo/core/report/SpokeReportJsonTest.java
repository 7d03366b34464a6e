package io.apollo.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        .hasMessageStartingWith("bad-state.json: not a spoke report (spoke-report.schema.json): /entities/0/state: "
            + "'RUNING' is not one of")
        .hasMessageContaining("RUNNING");
  }

  @Test
  void saysWhatAMissingFieldIs() {
    byte[] json = "{\"spoke\": \"s\", \"reportedAt\": \"2026-12-05T02:30:00Z\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SpokeReportJson.read("r.json", json))
        .hasMessageStartingWith("r.json: not a spoke report (spoke-report.schema.json): ")
        .hasMessageContaining("entities");
  }

  @Test
  void namesAValueTheSchemaCannotJudge() {
    byte[] json = ("{\"spoke\": \"s\", \"reportedAt\": \"2026-12-05T02:30:00Z\", \"entities\": [{\"entity\": "
        + "\"staging/auth\", \"product\": \"com.example:auth-service\", \"version\": \"1.2.0-beta\", \"state\": "
        + "\"RUNNING\", \"health\": \"HEALTHY\", \"observedAt\": \"2026-12-05T02:29:50Z\"}]}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SpokeReportJson.read("r.json", json))
        .hasMessageStartingWith("r.json: entities[0].version: '1.2.0-beta':")
        .hasMessageContaining("is not an orderable SLS version");
  }

  @Test
  void readsReportsWrittenByHandFillingOnlySafeDefaults() throws IOException {
    Map<EntityId, ProductId> products = Map.of(
        EntityId.parse("staging/auth"), ProductId.parse("com.example:auth-service"),
        EntityId.parse("staging/catalog"), ProductId.parse("com.example:catalog-service"),
        EntityId.parse("staging/search"), ProductId.parse("com.example:search"));

    ReportedState state = ReportedState.of(SpokeReportJson.read("hand-written.yaml",
        resource("report/hand-written.yaml"), id -> Optional.ofNullable(products.get(id))));

    EntityReport auth = state.get(EntityId.parse("staging/auth")).orElseThrow();
    assertThat(auth.state()).isEqualTo(EntityState.RUNNING);
    assertThat(auth.health()).as("running with no word on health").isEqualTo(Health.HEALTHY);
    assertThat(auth.product()).isEqualTo(ProductId.parse("com.example:auth-service"));
    EntityReport catalog = state.get(EntityId.parse("staging/catalog")).orElseThrow();
    assertThat(catalog.state()).isEqualTo(EntityState.DEGRADED);
    assertThat(catalog.health()).as("never healthier than the state says").isEqualTo(Health.UNHEALTHY);
    EntityReport search = state.get(EntityId.parse("staging/search")).orElseThrow();
    assertThat(search.state()).as("nothing installed").isEqualTo(EntityState.UNMANAGED);
    assertThat(search.version()).isEmpty();
  }

  @Test
  void aMisspeltFieldIsStillAnErrorNotASilence() {
    byte[] json = "[{\"entity\": \"staging/auth\", \"product\": \"com.example:auth\", \"verison\": \"1.2.0\"}]"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SpokeReportJson.read("r.json", json))
        .hasMessageStartingWith("r.json: not a spoke report (spoke-report.schema.json): ")
        .hasMessageContaining("verison");
  }

  @Test
  void aProductNoOneCanInferIsAskedFor() {
    byte[] json = "[{\"entity\": \"staging/auth\", \"version\": \"1.2.0\"}]".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SpokeReportJson.read("r.json", json))
        .hasMessageContaining("product");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SpokeReportJsonTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
