package io.apollo.reconciler.hub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Spoke report JSON for tests, written the way a spoke writes it (spoke-report.schema.json). */
public final class Reports {
  private final String spoke;
  private final List<String> entities = new ArrayList<>();

  private Reports(String spoke) {
    this.spoke = spoke;
  }

  public static Reports of(String spoke) {
    return new Reports(spoke);
  }

  /** An entity running {@code version} healthy, with no plan taken. */
  public Reports running(String entity, String product, String version) {
    return entity(entity, product, version, "RUNNING", "HEALTHY", null, null, null);
  }

  /** An entity whose last plan is {@code planId} with {@code outcome} (RUNNING, SUCCEEDED, FAILED). */
  public Reports entity(String entity, String product, String version, String state, String health, String planId,
      String outcome, String lastHealthy) {
    StringBuilder json = new StringBuilder("{\"entity\":\"" + entity + "\",\"product\":\"" + product + "\"");
    if (version != null) {
      json.append(",\"version\":\"").append(version).append('"');
    }
    json.append(",\"state\":\"").append(state).append("\",\"health\":\"").append(health).append('"');
    json.append(",\"configDigest\":\"").append(TestDigests.PORT_8080).append('"');
    if (planId != null) {
      json.append(",\"lastPlanId\":\"").append(planId).append('"');
    }
    if (outcome != null) {
      json.append(",\"lastPlanOutcome\":\"").append(outcome).append('"');
    }
    if (lastHealthy != null) {
      json.append(",\"lastHealthyVersion\":\"").append(lastHealthy).append('"');
    }
    json.append(",\"observedAt\":\"").append(Instant.now()).append("\"}");
    entities.add(json.toString());
    return this;
  }

  public String json() {
    return "{\"spoke\":\"" + spoke + "\",\"reportedAt\":\"" + Instant.now() + "\",\"entities\":["
        + String.join(",", entities) + "]}";
  }
}
