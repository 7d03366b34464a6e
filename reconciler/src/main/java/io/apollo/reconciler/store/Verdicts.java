package io.apollo.reconciler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The SQL of {@code plan_verdicts}: constraint verdicts over time, for the audit record. */
final class Verdicts {
  private Verdicts() {}

  static void insert(Connection c, List<PlanVerdict> verdicts, long epoch) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO plan_verdicts (plan_id, at, violations, epoch) VALUES (?, ?, ?, ?)")) {
      for (PlanVerdict v : verdicts) {
        insert.setString(1, v.planId());
        insert.setLong(2, v.at().toEpochMilli());
        insert.setString(3, v.violations());
        insert.setLong(4, epoch);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static PlanVerdict read(ResultSet r) throws SQLException {
    return new PlanVerdict(r.getString("plan_id"), Instant.ofEpochMilli(r.getLong("at")), r.getString("violations"));
  }
}
