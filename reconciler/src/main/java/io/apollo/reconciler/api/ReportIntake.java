package io.apollo.reconciler.api;

import io.apollo.core.ApolloException;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.SpokeReport;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.ReportWriter;
import io.apollo.reconciler.store.StoredReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes one spoke's report (DESIGN.md section 5): validates it against {@code spoke-report.schema.json}, holds the
 * spoke to itself and to the entities desired state places on it, and stores it through the {@link ReportWriter}
 * (group commit). {@link #accept} may block (the full schema validation, at worst one read of the store): call it
 * off the event loop; what it returns completes once the report is committed. A report in the form spokes write is
 * read by the strict streaming pass, which gives the same report as the schema's path or leaves the report to it.
 *
 * <p>Whether a report says something new is judged against the last report of that spoke this hub stored, kept in
 * memory (read once from the store for a spoke not seen since this hub took leadership), so that a report costs no
 * read of the store.
 */
final class ReportIntake {
  private final HubStore store;
  private final ReportWriter writer;
  private final Clock clock;
  /**
   * The SHA-256 of the meaning (the report without its times) of the last report stored per spoke, under {@link
   * #epoch}: 32 bytes a spoke rather than the whole report.
   */
  private final Map<String, byte[]> meanings = new ConcurrentHashMap<>();
  private volatile long epoch = -1;
  private volatile SpokesOf spokes = new SpokesOf(null, Set.of());

  /** The spokes some environment of one desired state lists, so that a report need not look through them all. */
  private record SpokesOf(DesiredState desired, Set<String> names) {}

  ReportIntake(HubStore store, Clock clock) {
    this.store = store;
    this.writer = new ReportWriter(store);
    this.clock = clock;
  }

  /** A report that passed every check: its record, the text to store, and the SHA-256 of its meaning. */
  private record Checked(SpokeReport report, String json, byte[] meaning) {}

  /**
   * Checks the report and hands it to the writer. Throws {@link HttpFailure} (nothing stored) when it is refused.
   * Blocking at worst (the full schema validation, one read of the store): call it off the event loop.
   *
   * @param spoke the spoke the token belongs to (already matched to the path)
   * @param leadership the epoch under which this hub leads: a new one forgets what earlier reports said
   * @return completes once the report is committed, with true when it says something the last one did not
   *     (versions, states, health, plans)
   */
  CompletableFuture<Boolean> accept(String spoke, byte[] body, HubSnapshot snapshot, long leadership) {
    return store(spoke, check(spoke, body, snapshot), leadership);
  }

  private Checked check(String spoke, byte[] body, HubSnapshot snapshot) {
    if (snapshot.commit().isEmpty()) {
      throw new HttpFailure(503, "not_ready", "the hub has not loaded the config repository yet; retry shortly");
    }
    if (!spokesOf(snapshot.desired()).contains(spoke)) {
      throw new HttpFailure(403, "spoke_not_in_desired_state", "spoke " + spoke + " is in the token file but no"
          + " Environment of desired state at " + snapshot.commit().get() + " lists it; add it to an environment's"
          + " spec.spokes first");
    }
    SpokeReport report;
    try {
      // One report object only: an array (even of one report), a scalar or null is refused, nothing stored.
      report = SpokeReportJson.readOne("report of spoke " + spoke, body,
          id -> snapshot.desired().entity(id).map(Entity::product));
    } catch (ApolloException e) {
      throw HttpFailure.badRequest(e.getMessage());
    }
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
    return new Checked(report, SpokeReportJson.text(report), meaning(report));
  }

  /** Hands a checked report to the writer, reading the spoke's last report from the store when it is not known. */
  private CompletableFuture<Boolean> store(String spoke, Checked checked, long leadership) {
    byte[] previous = swapMeaning(spoke, checked.meaning(), leadership);
    boolean changed = !Arrays.equals(checked.meaning(), previous);
    return writer.write(new StoredReport(spoke, checked.json(), clock.instant()))
        .whenComplete((done, failure) -> {
          if (failure != null) {
            // Not stored: the next report of this spoke is judged against the store again.
            meanings.remove(spoke);
          }
        })
        .thenApply(done -> changed);
  }

  /** Records {@code meaning} as the spoke's latest and returns the one before it (empty when it never reported). */
  private byte[] swapMeaning(String spoke, byte[] meaning, long leadership) {
    if (leadership != epoch) {
      meanings.clear();
      epoch = leadership;
    }
    byte[] previous = meanings.put(spoke, meaning);
    if (previous != null) {
      return previous;
    }
    return store.report(spoke).map(r -> storedMeaning(r.json())).orElse(new byte[0]);
  }

  private Set<String> spokesOf(DesiredState desired) {
    SpokesOf known = spokes;
    if (known.desired() != desired) {
      Set<String> names = new HashSet<>();
      desired.environments().values().forEach(env -> env.spokes().forEach(s -> names.add(s.name())));
      known = new SpokesOf(desired, Set.copyOf(names));
      spokes = known;
    }
    return known.names();
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

  /** The SHA-256 of the report without its times: two reports that differ only in when they were made say the same. */
  private static byte[] meaning(SpokeReport report) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(SpokeReportJson.timelessText(report).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The meaning of a stored report's text (the hub stored it, so it reads); a text that does not read as one report
   * means nothing any report says, so the next report counts as a change.
   */
  private static byte[] storedMeaning(String json) {
    try {
      List<SpokeReport> read = SpokeReportJson.read("stored report", json.getBytes(StandardCharsets.UTF_8));
      return read.size() == 1 ? meaning(read.getFirst()) : new byte[0];
    } catch (ApolloException e) {
      return new byte[0];
    }
  }
}
