package io.apollo.cli.hubclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.LiveHub;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: {@code apollo plan record ID} and {@code apollo audit --since ... --output jsonl}, run as a user runs
 * them against a real hub governing the sample fleet after its spokes reported.
 */
class AuditCommandsIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path temp;

  @Test
  void planRecordAndAuditShowTheHubsRecords() {
    try (LiveHub hub = LiveHub.start(temp)) {
      hub.reportSampleFleet();
      JsonNode plans = hub.await("/v1/plans", p -> p.path("plans").size() > 0).path("plans");
      String id = plans.get(0).path("id").asString();

      CliRun json = CliRun.of("plan", "record", id, "--output", "json", "--hub", hub.url());
      assertThat(json.exitCode()).as(json.err()).isZero();
      JsonNode record = JSON.readTree(json.out());
      assertThat(record.path("planId").asString()).isEqualTo(id);
      assertThat(record.path("steps").values().stream().map(s -> s.path("step").asString()).toList())
          .contains("PROPOSED", "VERDICT", "STATE");

      CliRun table = CliRun.of("plan", "record", id, "--hub", hub.url());
      assertThat(table.exitCode()).as(table.err()).isZero();
      assertThat(table.out()).startsWith(id + ": ").contains("proposed from commit ").contains("  steps\n")
          .contains("PROPOSED");

      CliRun lines = CliRun.of("audit", "--since", "2000-01-01", "--output", "jsonl", "--hub", hub.url());
      assertThat(lines.exitCode()).as(lines.err()).isZero();
      List<String> ids = lines.out().lines().map(l -> JSON.readTree(l).path("planId").asString()).toList();
      assertThat(ids).as("one record a line, every plan").hasSize(plans.size()).contains(id);

      CliRun summary = CliRun.of("audit", "--since", "2000-01-01", "--hub", hub.url());
      assertThat(summary.out()).startsWith(plans.size() + " plan(s) made or changed since 2000-01-01T00:00:00Z");

      CliRun unknown = CliRun.of("plan", "record", "pl-0000000000000000", "--hub", hub.url());
      assertThat(unknown.exitCode()).isEqualTo(1);
      assertThat(unknown.err()).contains("knows no plan pl-0000000000000000");
      CliRun badFormat = CliRun.of("audit", "--since", "2000-01-01", "--output", "csv", "--hub", hub.url());
      assertThat(badFormat.exitCode()).isEqualTo(2);
      assertThat(badFormat.err()).contains("jsonl");
      CliRun badSince = CliRun.of("audit", "--since", "last week", "--hub", hub.url());
      assertThat(badSince.exitCode()).isEqualTo(1);
      assertThat(badSince.err()).contains("is not a date");
    }
  }
}
