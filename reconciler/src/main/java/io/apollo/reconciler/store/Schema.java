package io.apollo.reconciler.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's tables, the same SQL on SQLite and PostgreSQL. Version 2 added the fencing epoch: the one-row
 * {@code leadership} table, and an {@code epoch} column on plans and dispatch attempts naming the leadership that
 * wrote them. A version 1 database (SQLite, before leadership) is migrated in place.
 */
final class Schema {
  /** The schema this code reads and writes; stored in {@code meta}. */
  static final String VERSION = "2";

  /** The advisory lock that serialises schema creation on PostgreSQL (any number unique to Apollo). */
  static final long SCHEMA_LOCK_KEY = 0x41504f4c4c4f0001L;

  private Schema() {}

  /** Creates what is missing and migrates, in the caller's transaction (the caller commits). */
  static void create(Connection connection, boolean postgres) throws SQLException {
    try (Statement s = connection.createStatement()) {
      if (postgres) {
        // Two hubs starting at once would race on CREATE TABLE IF NOT EXISTS (a catalog unique violation):
        // one at a time, until this transaction ends.
        s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
      }
      s.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
      String previous = null;
      try (ResultSet r = s.executeQuery("SELECT v FROM meta WHERE k = 'schema_version'")) {
        if (r.next()) {
          previous = r.getString(1);
        }
      }
      s.execute("CREATE TABLE IF NOT EXISTS plans (id TEXT PRIMARY KEY, entity TEXT NOT NULL,"
          + " environment TEXT NOT NULL, spoke TEXT NOT NULL, state TEXT NOT NULL, git TEXT NOT NULL,"
          + " body TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
          + " epoch BIGINT NOT NULL DEFAULT 0)");
      s.execute("CREATE TABLE IF NOT EXISTS plan_history (plan_id TEXT NOT NULL, seq BIGINT NOT NULL,"
          + " at BIGINT NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS plan_history_by_plan ON plan_history (plan_id)");
      s.execute("CREATE TABLE IF NOT EXISTS reports (spoke TEXT PRIMARY KEY, body TEXT NOT NULL,"
          + " received_at BIGINT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS dispatch_attempts (plan_id TEXT NOT NULL, spoke TEXT NOT NULL,"
          + " at BIGINT NOT NULL, acknowledged INTEGER NOT NULL, detail TEXT NOT NULL,"
          + " epoch BIGINT NOT NULL DEFAULT 0)");
      s.execute("CREATE TABLE IF NOT EXISTS approvals (plan_id TEXT NOT NULL, commit_id TEXT NOT NULL,"
          + " by_email TEXT NOT NULL, role TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL,"
          + " refusal TEXT, refusal_reason TEXT, key_fingerprint TEXT,"
          + " PRIMARY KEY (plan_id, commit_id, by_email, role))");
      // Signed approvals (issue 15) added the signer's key fingerprint: added in place, whatever the version.
      if (!hasColumn(connection, "approvals", "key_fingerprint")) {
        s.execute("ALTER TABLE approvals ADD COLUMN key_fingerprint TEXT");
      }
      // The notification outbox (issue 17): a new table, so older databases gain it here as new ones do.
      s.execute(Outbox.TABLE);
      s.execute(Outbox.DUE_INDEX);
      // The audit record's constraint verdicts over time (issue 17).
      s.execute("CREATE TABLE IF NOT EXISTS plan_verdicts (plan_id TEXT NOT NULL, at BIGINT NOT NULL,"
          + " violations TEXT NOT NULL, epoch BIGINT NOT NULL DEFAULT 0)");
      s.execute("CREATE INDEX IF NOT EXISTS plan_verdicts_by_plan ON plan_verdicts (plan_id)");
      s.execute("CREATE INDEX IF NOT EXISTS dispatch_attempts_by_plan ON dispatch_attempts (plan_id)");
      // Issue 16: since when each entity runs its version healthy, so that a promotion bake survives a restart.
      s.execute("CREATE TABLE IF NOT EXISTS health_since (entity TEXT PRIMARY KEY, version TEXT NOT NULL,"
          + " since BIGINT NOT NULL)");
      if ("1".equals(previous)) {
        s.execute("ALTER TABLE plans ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0");
        s.execute("ALTER TABLE dispatch_attempts ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0");
      }
      s.execute("CREATE TABLE IF NOT EXISTS leadership (id INTEGER PRIMARY KEY, epoch BIGINT NOT NULL,"
          + " holder TEXT NOT NULL, taken_at BIGINT NOT NULL)");
      s.execute("INSERT INTO leadership (id, epoch, holder, taken_at) VALUES (1, 0, '', 0)"
          + " ON CONFLICT (id) DO NOTHING");
      s.execute("INSERT INTO meta (k, v) VALUES ('schema_version', '" + VERSION + "')"
          + " ON CONFLICT (k) DO UPDATE SET v = excluded.v");
    }
  }

  private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
    try (ResultSet r = connection.getMetaData().getColumns(null, null, table, column)) {
      return r.next();
    }
  }
}
