package io.apollo.cli.explain;

import io.apollo.cli.output.Json;
import io.apollo.cli.plan.PlanJson;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.explain.Explanation;
import io.apollo.core.plan.SkippedRelease;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@code apollo explain}: every part of the explanation, with machine reasons beside the words.
 * Absent parts are {@code null}; {@code plan} has the shape of one entry of {@code apollo plan --output json}.
 */
final class ExplainJson {
  private ExplainJson() {}

  static ObjectNode of(Explanation e) {
    ObjectNode root = Json.object();
    root.put("entity", e.entity().toString());
    root.put("known", e.known());
    root.put("product", e.product().map(Object::toString).orElse(null));
    root.put("desired", e.desired());
    e.running().ifPresentOrElse(r -> {
      ObjectNode running = root.putObject("running");
      running.put("version", r.version().map(Object::toString).orElse(null));
      running.put("state", r.state().name());
      running.put("health", r.health().name());
      running.put("message", r.message());
    }, () -> root.putNull("running"));
    e.target().ifPresentOrElse(t -> {
      ObjectNode target = root.putObject("target");
      target.put("version", t.version().map(Object::toString).orElse(null));
      target.put("reason", t.reason().name());
      target.put("message", t.message());
    }, () -> root.putNull("target"));
    ArrayNode skipped = root.putArray("skipped");
    for (SkippedRelease s : e.skipped()) {
      skipped.addObject().put("version", s.version().toString()).put("reason", s.reason().name())
          .put("message", s.message());
    }
    e.plan().ifPresentOrElse(p -> root.set("plan", PlanJson.plan(p)), () -> root.putNull("plan"));
    e.noPlan().ifPresentOrElse(
        n -> root.putObject("noPlan").put("reason", n.reason().name()).put("message", n.message()),
        () -> root.putNull("noPlan"));
    ArrayNode verdicts = root.putArray("verdicts");
    for (Verdict v : e.verdicts()) {
      verdicts.add(PlanJson.verdict(v).put("satisfied", v.satisfied()));
    }
    ArrayNode required = root.putArray("requiredRoles");
    e.requiredRoles().stream().sorted().forEach(required::add);
    ArrayNode missing = root.putArray("missingRoles");
    e.missingRoles().stream().sorted().forEach(missing::add);
    root.put("nextProceedAt", e.nextProceedAt().map(Object::toString).orElse(null));
    ArrayNode suggestions = root.putArray("suggestions");
    e.suggestions().forEach(id -> suggestions.add(id.toString()));
    return root;
  }
}
