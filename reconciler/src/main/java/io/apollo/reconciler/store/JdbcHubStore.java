package io.apollo.reconciler.store;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * the writer). The SQL is plain and portable (no SQLite-only syntax: upserts are {@code ON CONFLICT ... DO UPDATE},
 * which PostgreSQL has too); only opening the connection is SQLite's. One connection, used by one thread at a time.
 */
public final class JdbcHubStore implements HubStore {
  /** The schema this code reads and writes; stored in {@code meta} so that a later hub can migrate it. */
  static final String SCHEMA_VERSION = "1";

  private final Connection connection;

  private JdbcHubStore(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating when absent) {@code hub.db} in {@code dataDir}. */
  public static JdbcHubStore openSqlite(Path dataDir) {
    Path file = dataDir.resolve("hub.db");
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
      JdbcHubStore store = new JdbcHubStore(connection);
      store.createSchema();
      return store;
    } catch (SQLException e) {
      throw new ReconcilerException("cannot open the hub's database " + file + ": " + e.getMessage()
          + " (check that --data-dir is writable and no other hub uses it)", e);
    }
  }

  private synchronized void createSchema() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS plans (id TEXT PRIMARY KEY, entity TEXT NOT NULL,"
          + " environment TEXT NOT NULL, spoke TEXT NOT NULL, state TEXT NOT NULL, git TEXT NOT NULL,"
          + " body TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS plan_history (plan_id TEXT NOT NULL, seq BIGINT NOT NULL,"
          + " at BIGINT NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS plan_history_by_plan ON plan_history (plan_id)");
      s.execute("CREATE TABLE IF NOT EXISTS reports (spoke TEXT PRIMARY KEY, body TEXT NOT NULL,"
          + " received_at BIGINT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS dispatch_attempts (plan_id TEXT NOT NULL, spoke TEXT NOT NULL,"
          + " at BIGINT NOT NULL, acknowledged INTEGER NOT NULL, detail TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS approvals (plan_id TEXT NOT NULL, commit_id TEXT NOT NULL,"
          + " by_email TEXT NOT NULL, role TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL,"
          + " refusal TEXT, refusal_reason TEXT, PRIMARY KEY (plan_id, commit_id, by_email, role))");
      s.execute("INSERT INTO meta (k, v) VALUES ('schema_version', '" + SCHEMA_VERSION + "')"
          + " ON CONFLICT (k) DO NOTHING");
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  @Override
  public synchronized List<StoredPlan> plans() {
    return query("SELECT * FROM plans ORDER BY created_at, id", List.of(), JdbcHubStore::plan);
  }

  @Override
  public synchronized Optional<StoredPlan> plan(String id) {
    return query("SELECT * FROM plans WHERE id = ?", List.of(id), JdbcHubStore::plan).stream().findFirst();
  }

  @Override
  public synchronized List<PlanEvent> history(String planId) {
    return query("SELECT * FROM plan_history WHERE plan_id = ? ORDER BY seq", List.of(planId),
        r -> new PlanEvent(r.getString("plan_id"), instant(r, "at"), PlanState.valueOf(r.getString("state")),
            r.getString("reason"), r.getString("message")));
  }

  @Override
  public synchronized void save(List<StoredPlan> plans, List<PlanEvent> events) {
    transaction("save " + plans.size() + " plans", () -> {
      try (PreparedStatement upsert = connection.prepareStatement(
          "INSERT INTO plans (id, entity, environment, spoke, state, git, body, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state,"
              + " git = excluded.git, body = excluded.body, updated_at = excluded.updated_at");
          PreparedStatement history = connection.prepareStatement(
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
  public synchronized void putReport(StoredReport report) {
    update("store the report of spoke " + report.spoke(),
        "INSERT INTO reports (spoke, body, received_at) VALUES (?, ?, ?) ON CONFLICT (spoke) DO UPDATE"
            + " SET body = excluded.body, received_at = excluded.received_at",
        report.spoke(), report.json(), report.receivedAt().toEpochMilli());
  }

  @Override
  public synchronized Map<String, StoredReport> reports() {
    Map<String, StoredReport> bySpoke = new TreeMap<>();
    query("SELECT * FROM reports", List.of(),
        r -> new StoredReport(r.getString("spoke"), r.getString("body"), instant(r, "received_at")))
        .forEach(r -> bySpoke.put(r.spoke(), r));
    return bySpoke;
  }

  @Override
  public synchronized void recordDispatch(DispatchAttempt a) {
    update("record a dispatch of plan " + a.planId(),
        "INSERT INTO dispatch_attempts (plan_id, spoke, at, acknowledged, detail) VALUES (?, ?, ?, ?, ?)",
        a.planId(), a.spoke(), a.at().toEpochMilli(), a.acknowledged() ? 1 : 0, a.detail());
  }

  @Override
  public synchronized Set<String> acknowledgedPlans() {
    return new HashSet<>(query("SELECT DISTINCT plan_id FROM dispatch_attempts WHERE acknowledged = 1", List.of(),
        r -> r.getString("plan_id")));
  }

  @Override
  public synchronized void recordApprovals(List<StoredApproval> approvals) {
    transaction("record " + approvals.size() + " approvals", () -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO approvals (plan_id, commit_id, by_email, role, kind, at, refusal, refusal_reason)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, commit_id, by_email, role) DO NOTHING")) {
        for (StoredApproval a : approvals) {
          insert.setString(1, a.planId());
          insert.setString(2, a.commit());
          insert.setString(3, a.by());
          insert.setString(4, a.role().orElse(""));
          insert.setString(5, a.kind());
          insert.setLong(6, a.at().toEpochMilli());
          insert.setString(7, a.refusal().orElse(null));
          insert.setString(8, a.refusalReason().orElse(null));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    });
  }

  @Override
  public synchronized Map<String, List<StoredApproval>> approvals() {
    Map<String, List<StoredApproval>> byPlan = new LinkedHashMap<>();
    query("SELECT * FROM approvals ORDER BY at, plan_id", List.of(), r -> new StoredApproval(
        r.getString("plan_id"), r.getString("commit_id"), r.getString("by_email"),
        Optional.of(r.getString("role")).filter(s -> !s.isEmpty()), r.getString("kind"), instant(r, "at"),
        Optional.ofNullable(r.getString("refusal")), Optional.ofNullable(r.getString("refusal_reason"))))
        .forEach(a -> byPlan.computeIfAbsent(a.planId(), k -> new ArrayList<>()).add(a));
    return byPlan;
  }

  @Override
  public synchronized Optional<String> meta(String key) {
    return query("SELECT v FROM meta WHERE k = ?", List.of(key), r -> r.getString("v")).stream().findFirst();
  }

  @Override
  public synchronized void putMeta(String key, String value) {
    update("set " + key, "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
        key, value);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new ReconcilerException("cannot close the hub's database: " + e.getMessage(), e);
    }
  }

  private static StoredPlan plan(ResultSet r) throws SQLException {
    return new StoredPlan(r.getString("id"), EntityId.parse(r.getString("entity")), r.getString("spoke"),
        PlanState.valueOf(r.getString("state")), GitPlace.valueOf(r.getString("git")), r.getString("body"),
        instant(r, "created_at"), instant(r, "updated_at"));
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    return Instant.ofEpochMilli(r.getLong(column));
  }

  private interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private interface Work {
    void run() throws SQLException;
  }

  private <T> List<T> query(String sql, List<Object> args, Row<T> row) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        statement.setObject(i + 1, args.get(i));
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(row.read(result));
        }
      }
      connection.commit();
      return rows;
    } catch (SQLException e) {
      throw new ReconcilerException("cannot read the hub's database (" + sql + "): " + e.getMessage(), e);
    }
  }

  private void update(String what, String sql, Object... args) {
    transaction(what, () -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeUpdate();
      }
    });
  }

  private void transaction(String what, Work work) {
    try {
      work.run();
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new ReconcilerException("cannot " + what + " in the hub's database: " + e.getMessage(), e);
    }
  }
}
