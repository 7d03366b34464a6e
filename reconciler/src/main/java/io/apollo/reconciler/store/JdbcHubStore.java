package io.apollo.reconciler.store;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.PlanState;
import io.apollo.core.report.HealthySince;
import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link HubStore} over JDBC: SQLite in a file of the data folder by default (WAL mode, so readers do not wait for
 * the writer), or PostgreSQL ({@code --db jdbc:postgresql://...}). The SQL is the same on both (upserts are
 * {@code ON CONFLICT ... DO UPDATE}); only opening the connection differs. One connection, used by one thread at a
 * time.
 *
 * <p>Fencing: every write of plans, dispatches, approvals and meta first runs {@code UPDATE leadership SET epoch =
 * epoch WHERE id = 1 AND epoch = ?} with this store's epoch in the same transaction. When another hub has taken
 * leadership since, no row matches and the write is refused ({@link StaleEpochException}); on PostgreSQL the row
 * lock that UPDATE takes also makes a takeover wait for a write under way. Reports are not fenced: they are the
 * spokes' facts, and any hub may take them.
 */
public final class JdbcHubStore implements HubStore {
  /** The schema this code reads and writes; stored in {@code meta} so that a later hub can migrate it. */
  static final String SCHEMA_VERSION = Schema.VERSION;
  private static final String REPORT_UPSERT = "INSERT INTO reports (spoke, body, received_at) VALUES (?, ?, ?)"
      + " ON CONFLICT (spoke) DO UPDATE SET body = excluded.body, received_at = excluded.received_at";

  /** The meta key holding the entities last seen degraded, one id a line. */
  private static final String DEGRADED_KEY = "degraded_entities";
  private final Session db;
  private long epoch;

  private JdbcHubStore(Connections.Opener opener, String where) throws SQLException {
    this.db = new Session(opener, where);
  }

  /** Opens (creating when absent) {@code hub.db} in {@code dataDir}. */
  public static JdbcHubStore openSqlite(Path dataDir) {
    Path file = dataDir.resolve("hub.db");
    try {
      JdbcHubStore store = new JdbcHubStore(Connections.sqlite(file), file.toString());
      store.createSchema(false);
      return store;
    } catch (SQLException e) {
      throw new ReconcilerException("cannot open the hub's database " + file + ": " + e.getMessage()
          + " (check that --data-dir is writable and no other hub uses it)", e);
    }
  }

  /**
   * Opens the PostgreSQL database at {@code url} ({@code jdbc:postgresql://host:port/db?user=...}), creating the
   * tables when absent. Several hubs may open the same database; {@link #takeLeadership} decides which one writes.
   * A connection lost (the server restarted, the network cut) fails the call under way and is opened again by the
   * next one.
   */
  public static JdbcHubStore openPostgres(String url) {
    try {
      JdbcHubStore store = new JdbcHubStore(Connections.postgres(url), Databases.redact(url));
      store.createSchema(true);
      return store;
    } catch (SQLException e) {
      throw new ReconcilerException("cannot open the hub's database " + Databases.redact(url) + ": "
          + e.getMessage() + " (check --db: the server must be reachable and the database exist)", e);
    }
  }

  /** Opens the store {@code --db} names: a {@code jdbc:postgresql:} URL, or SQLite in {@code dataDir}. */
  public static JdbcHubStore open(java.util.Optional<String> db, Path dataDir) {
    return db.map(JdbcHubStore::openPostgres).orElseGet(() -> openSqlite(dataDir));
  }

  private synchronized void createSchema(boolean postgres) {
    db.transaction("create the hub's tables", c -> Schema.create(c, postgres));
  }

  @Override
  public synchronized long takeLeadership(String holder, Instant at) {
    long[] taken = new long[1];
    db.transaction("take leadership", c -> taken[0] = Fencing.take(c, holder, at));
    epoch = taken[0];
    return epoch;
  }

  @Override
  public synchronized long epoch() {
    return epoch;
  }

  @Override
  public synchronized Leader leader() {
    return db.query("SELECT * FROM leadership WHERE id = 1", List.of(), r -> new Leader(r.getLong("epoch"),
        r.getString("holder"), instant(r, "taken_at"))).getFirst();
  }

  @Override
  public synchronized void checkFence() {
    db.transaction("check this hub's leadership", c -> Fencing.check(c, "act", epoch));
  }

  @Override
  public synchronized List<StoredPlan> plans() {
    return db.query("SELECT * FROM plans ORDER BY created_at, id", List.of(), JdbcHubStore::plan);
  }

  @Override
  public synchronized Optional<StoredPlan> plan(String id) {
    return db.query("SELECT * FROM plans WHERE id = ?", List.of(id), JdbcHubStore::plan).stream().findFirst();
  }

  @Override
  public synchronized List<PlanEvent> history(String planId) {
    return db.query("SELECT * FROM plan_history WHERE plan_id = ? ORDER BY seq", List.of(planId),
        r -> new PlanEvent(r.getString("plan_id"), instant(r, "at"), PlanState.valueOf(r.getString("state")),
            r.getString("reason"), r.getString("message")));
  }

  @Override
  public synchronized void save(List<StoredPlan> plans, List<PlanEvent> events) {
    save(plans, events, List.of());
  }

  @Override
  public synchronized void save(List<StoredPlan> plans, List<PlanEvent> events,
      List<NotificationDelivery> deliveries) {
    String what = "save " + plans.size() + " plans";
    db.transaction(what, c -> {
      Fencing.check(c, what, epoch);
      Outbox.insert(c, deliveries, epoch);
      try (PreparedStatement upsert = c.prepareStatement(
          "INSERT INTO plans (id, entity, environment, spoke, state, git, body, created_at, updated_at, epoch)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state,"
              + " git = excluded.git, body = excluded.body, updated_at = excluded.updated_at,"
              + " epoch = excluded.epoch");
          PreparedStatement history = c.prepareStatement(
              "INSERT INTO plan_history (plan_id, seq, at, state, reason, message) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (StoredPlan p : plans) {
          upsert.setString(1, p.id());
          upsert.setString(2, p.entity().toString());
          upsert.setString(3, p.entity().environment());
          upsert.setString(4, p.spoke());
          upsert.setString(5, p.state().name());
          upsert.setString(6, p.git().name());
          upsert.setString(7, p.body());
          upsert.setLong(8, p.createdAt().toEpochMilli());
          upsert.setLong(9, p.updatedAt().toEpochMilli());
          upsert.setLong(10, epoch);
          upsert.addBatch();
        }
        upsert.executeBatch();
        // seq orders events of one instant in the order they were saved (portable: no rowid, no sequence).
        long seq = System.currentTimeMillis() * 1000;
        for (PlanEvent e : events) {
          history.setString(1, e.planId());
          history.setLong(2, seq++);
          history.setLong(3, e.at().toEpochMilli());
          history.setString(4, e.state().name());
          history.setString(5, e.reason());
          history.setString(6, e.message());
          history.addBatch();
        }
        history.executeBatch();
      }
    });
  }

  @Override
  public synchronized Set<String> degradedEntities() {
    return meta(DEGRADED_KEY).map(v -> Set.of(v.isEmpty() ? new String[0] : v.split("\n"))).orElse(Set.of());
  }

  @Override
  public synchronized void recordDegraded(Set<String> degraded, List<NotificationDelivery> deliveries) {
    String what = "record " + degraded.size() + " degraded entities";
    db.transaction(what, c -> {
      Fencing.check(c, what, epoch);
      Session.execute(c, "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
          DEGRADED_KEY, String.join("\n", new java.util.TreeSet<>(degraded)));
      Outbox.insert(c, deliveries, epoch);
    });
  }

  @Override
  public synchronized List<NotificationDelivery> dueDeliveries(Instant now, int limit) {
    return db.query("SELECT * FROM notification_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?"
        + " ORDER BY next_attempt_at, created_at, id LIMIT " + Math.max(1, limit), List.of(now.toEpochMilli()),
        Outbox::read);
  }

  @Override
  public synchronized void recordDelivery(NotificationDelivery d) {
    fencedUpdate("record a delivery of notification " + d.notification(), "UPDATE notification_outbox SET"
        + " attempts = ?, next_attempt_at = ?, state = ?, last_error = ?, epoch = ? WHERE id = ?", d.attempts(),
        d.nextAttemptAt().toEpochMilli(), d.state().name(), d.lastError().orElse(""), epoch, d.id());
  }

  @Override
  public synchronized Map<NotificationDelivery.DeliveryState, Long> deliveryCounts() {
    Map<NotificationDelivery.DeliveryState, Long> counts = new java.util.EnumMap<>(
        NotificationDelivery.DeliveryState.class);
    for (NotificationDelivery.DeliveryState state : NotificationDelivery.DeliveryState.values()) {
      counts.put(state, 0L);
    }
    db.query("SELECT state, COUNT(*) AS n FROM notification_outbox GROUP BY state", List.of(), r -> counts.put(
        NotificationDelivery.DeliveryState.valueOf(r.getString("state")), r.getLong("n")));
    return counts;
  }

  @Override
  public synchronized List<NotificationDelivery> deadLetters(int limit) {
    return db.query("SELECT * FROM notification_outbox WHERE state = 'DEAD' ORDER BY next_attempt_at DESC, id"
        + " LIMIT " + Math.max(1, limit), List.of(), Outbox::read);
  }

  @Override
  public synchronized void putReport(StoredReport report) {
    db.transaction("store the report of spoke " + report.spoke(), c -> Session.execute(c, REPORT_UPSERT,
        report.spoke(), report.json(), report.receivedAt().toEpochMilli()));
  }

  @Override
  public synchronized void putReports(List<StoredReport> reports) {
    if (reports.isEmpty()) {
      return;
    }
    // The latest of each spoke only: one row written per spoke, and no order between rows of one key to rely on.
    Map<String, StoredReport> latest = new LinkedHashMap<>();
    reports.forEach(r -> latest.put(r.spoke(), r));
    db.transaction("store " + reports.size() + " reports of " + latest.size() + " spokes", c -> {
      try (PreparedStatement upsert = c.prepareStatement(REPORT_UPSERT)) {
        for (StoredReport r : latest.values()) {
          upsert.setString(1, r.spoke());
          upsert.setString(2, r.json());
          upsert.setLong(3, r.receivedAt().toEpochMilli());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
    });
  }

  @Override
  public synchronized Optional<StoredReport> report(String spoke) {
    return db.query("SELECT * FROM reports WHERE spoke = ?", List.of(spoke),
        r -> new StoredReport(r.getString("spoke"), r.getString("body"), instant(r, "received_at")))
        .stream().findFirst();
  }

  @Override
  public synchronized Map<String, StoredReport> reports() {
    Map<String, StoredReport> bySpoke = new TreeMap<>();
    db.query("SELECT * FROM reports", List.of(),
        r -> new StoredReport(r.getString("spoke"), r.getString("body"), instant(r, "received_at")))
        .forEach(r -> bySpoke.put(r.spoke(), r));
    return bySpoke;
  }

  @Override
  public synchronized void recordDispatch(DispatchAttempt a) {
    fencedUpdate("record a dispatch of plan " + a.planId(),
        "INSERT INTO dispatch_attempts (plan_id, spoke, at, acknowledged, detail, epoch) VALUES (?, ?, ?, ?, ?, ?)",
        a.planId(), a.spoke(), a.at().toEpochMilli(), a.acknowledged() ? 1 : 0, a.detail(), epoch);
  }

  @Override
  public synchronized List<DispatchAttempt> dispatchAttempts(String planId) {
    return db.query("SELECT * FROM dispatch_attempts WHERE plan_id = ? ORDER BY at", List.of(planId),
        r -> new DispatchAttempt(r.getString("plan_id"), r.getString("spoke"), instant(r, "at"),
            r.getInt("acknowledged") == 1, r.getString("detail")));
  }

  @Override
  public synchronized void recordVerdicts(List<PlanVerdict> verdicts) {
    if (!verdicts.isEmpty()) {
      String what = "record " + verdicts.size() + " constraint verdicts";
      db.transaction(what, c -> {
        Fencing.check(c, what, epoch);
        Verdicts.insert(c, verdicts, epoch);
      });
    }
  }

  @Override
  public synchronized List<PlanVerdict> verdicts(String planId) {
    return db.query("SELECT * FROM plan_verdicts WHERE plan_id = ? ORDER BY at", List.of(planId), Verdicts::read);
  }

  @Override
  public synchronized Optional<String> latestVerdict(String planId) {
    return db.query("SELECT * FROM plan_verdicts WHERE plan_id = ? ORDER BY at DESC LIMIT 1", List.of(planId),
        Verdicts::read).stream().findFirst().map(PlanVerdict::violations);
  }

  @Override
  public synchronized Set<String> acknowledgedPlans() {
    return new HashSet<>(db.query("SELECT DISTINCT plan_id FROM dispatch_attempts WHERE acknowledged = 1", List.of(),
        r -> r.getString("plan_id")));
  }

  @Override
  public synchronized void recordApprovals(List<StoredApproval> approvals) {
    String what = "record " + approvals.size() + " approvals";
    db.transaction(what, c -> {
      Fencing.check(c, what, epoch);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO approvals (plan_id, commit_id, by_email, role, kind, at, refusal, refusal_reason,"
              + " key_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, commit_id, by_email, role) DO NOTHING")) {
        for (StoredApproval a : approvals) {
          insert.setString(1, a.planId());
          insert.setString(2, a.commit());
          insert.setString(3, a.by());
          insert.setString(4, a.role().orElse(""));
          insert.setString(5, a.kind());
          insert.setLong(6, a.at().toEpochMilli());
          insert.setString(7, a.refusal().orElse(null));
          insert.setString(8, a.refusalReason().orElse(null));
          insert.setString(9, a.keyFingerprint().orElse(null));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    });
  }

  @Override
  public synchronized Map<String, List<StoredApproval>> approvals() {
    Map<String, List<StoredApproval>> byPlan = new LinkedHashMap<>();
    db.query("SELECT * FROM approvals ORDER BY at, plan_id", List.of(), r -> new StoredApproval(
        r.getString("plan_id"), r.getString("commit_id"), r.getString("by_email"),
        Optional.of(r.getString("role")).filter(s -> !s.isEmpty()), r.getString("kind"), instant(r, "at"),
        Optional.ofNullable(r.getString("refusal")), Optional.ofNullable(r.getString("refusal_reason")),
        Optional.ofNullable(r.getString("key_fingerprint"))))
        .forEach(a -> byPlan.computeIfAbsent(a.planId(), k -> new ArrayList<>()).add(a));
    return byPlan;
  }

  @Override
  public synchronized Optional<String> meta(String key) {
    return db.query("SELECT v FROM meta WHERE k = ?", List.of(key), r -> r.getString("v")).stream().findFirst();
  }

  @Override
  public synchronized void putMeta(String key, String value) {
    fencedUpdate("set " + key, "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
        key, value);
  }

  @Override
  public synchronized Map<EntityId, HealthySince> healthySince() {
    Map<EntityId, HealthySince> out = new TreeMap<>();
    db.query(HealthSinceRows.SELECT, List.of(), HealthSinceRows::read).forEach(h -> out.put(h.entity(), h));
    return out;
  }

  @Override
  public synchronized void updateHealthySince(List<HealthySince> put, Set<EntityId> removed) {
    if (!put.isEmpty() || !removed.isEmpty()) {
      db.transaction("record entity health", c -> {
        Fencing.check(c, "record entity health", epoch);
        HealthSinceRows.write(c, put, removed);
      });
    }
  }

  @Override
  public synchronized void close() {
    db.close();
  }

  private static StoredPlan plan(ResultSet r) throws SQLException {
    return new StoredPlan(r.getString("id"), EntityId.parse(r.getString("entity")), r.getString("spoke"),
        PlanState.valueOf(r.getString("state")), GitPlace.valueOf(r.getString("git")), r.getString("body"),
        instant(r, "created_at"), instant(r, "updated_at"));
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    return Instant.ofEpochMilli(r.getLong(column));
  }

  private void fencedUpdate(String what, String sql, Object... args) {
    db.transaction(what, c -> {
      Fencing.check(c, what, epoch);
      Session.execute(c, sql, args);
    });
  }
}
