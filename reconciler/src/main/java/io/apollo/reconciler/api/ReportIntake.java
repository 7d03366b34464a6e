package io.apollo.reconciler.api;

import io.apollo.core.ApolloException;
import io.apollo.core.config.Entity;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.SpokeReport;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.StoredReport;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes one spoke's report (DESIGN.md section 5): validates it against {@code spoke-report.schema.json}, holds the
 * spoke to itself and to the entities desired state places on it, and stores it. Blocking (schema validation, the
 * database): call it off the event loop.
 */
final class ReportIntake {
  private final HubStore store;
  private final Clock clock;

  ReportIntake(HubStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param spoke the spoke the token belongs to (already matched to the path)
   * @return true when the report says something the last one did not (versions, states, health, plans)
   */
  boolean accept(String spoke, byte[] body, HubSnapshot snapshot) {
    if (snapshot.commit().isEmpty()) {
      throw new HttpFailure(503, "not_ready", "the hub has not loaded the config repository yet; retry shortly");
    }
    boolean known = snapshot.desired().environments().values().stream()
        .anyMatch(env -> env.spoke(spoke).isPresent());
    if (!known) {
      throw new HttpFailure(403, "spoke_not_in_desired_state", "spoke " + spoke + " is in the token file but no"
          + " Environment of desired state at " + snapshot.commit().get() + " lists it; add it to an environment's"
          + " spec.spokes first");
    }
    List<SpokeReport> reports;
    try {
      reports = SpokeReportJson.read("report of spoke " + spoke, body,
          id -> snapshot.desired().entity(id).map(Entity::product));
    } catch (ApolloException e) {
      throw HttpFailure.badRequest(e.getMessage());
    }
    if (reports.size() != 1) {
      throw HttpFailure.badRequest("report of spoke " + spoke + ": expected one report object, found "
          + reports.size());
    }
    SpokeReport report = reports.getFirst();
    if (!report.spoke().equals(spoke)) {
      throw new HttpFailure(403, "wrong_spoke", "the report names spoke '" + report.spoke()
          + "' but was posted for spoke '" + spoke + "': a spoke reports only for itself");
    }
    for (EntityReport e : report.entities()) {
      if (!placedOn(spoke, e, snapshot)) {
        Optional<String> placed = snapshot.desired().entity(e.entity()).map(Entity::spoke);
        throw new HttpFailure(403, "entity_not_on_spoke", "entity " + e.entity() + " is "
            + placed.map(s -> "placed on spoke " + s).orElse("in no environment spoke " + spoke + " serves")
            + ", not on spoke " + spoke + ": a spoke reports only the entities desired state places on it");
      }
    }
    String json = SpokeReportJson.write(report).toString();
    Optional<StoredReport> previous = Optional.ofNullable(store.reports().get(spoke));
    store.putReport(new StoredReport(spoke, json, clock.instant()));
    return previous.map(p -> !meaning(p.json()).equals(meaning(json))).orElse(true);
  }

  /**
   * Whether desired state places the entity on this spoke. An entity desired state no longer defines may still run
   * (deleting a definition never uninstalls): its spoke may report it when the spoke serves the entity's
   * environment, so that the hub shows it as not desired rather than refusing every later report of that spoke.
   */
  private static boolean placedOn(String spoke, EntityReport e, HubSnapshot snapshot) {
    Optional<Entity> defined = snapshot.desired().entity(e.entity());
    if (defined.isPresent()) {
      return defined.get().spoke().equals(spoke);
    }
    return Optional.ofNullable(snapshot.desired().environments().get(e.entity().environment()))
        .flatMap(env -> env.spoke(spoke)).isPresent();
  }

  /** The report without its times: two reports that differ only in when they were made say the same. */
  private static String meaning(String json) {
    ObjectNode node = (ObjectNode) PlanViews.JSON.readTree(json);
    node.remove("reportedAt");
    node.path("entities").values().forEach(e -> ((ObjectNode) e).remove("observedAt"));
    return node.toString();
  }
}
