package io.apollo.reconciler.loop;

import io.apollo.reconciler.store.PlanVerdict;
import io.apollo.reconciler.store.StoredPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The constraint verdicts to add to the audit record after a step of a pass: for each plan written, its violations
 * when they differ from the last ones recorded ({@code []} recorded too: every constraint holds). Judged against the
 * record, not the previous body, so a verdict a killed hub did not record is recorded by the next pass. Pure.
 */
final class VerdictChanges {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private VerdictChanges() {}

  static List<PlanVerdict> of(List<StoredPlan> written, Function<String, Optional<String>> latest, Instant at) {
    List<PlanVerdict> changed = new ArrayList<>();
    for (StoredPlan plan : written) {
      JsonNode violations = JSON.readTree(plan.body()).path("violations");
      String now = violations.isArray() ? violations.toString() : "[]";
      if (!latest.apply(plan.id()).map(now::equals).orElse(false)) {
        changed.add(new PlanVerdict(plan.id(), at, now));
      }
    }
    return changed;
  }
}
