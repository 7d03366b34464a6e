package io.apollo.reconciler.store;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.HealthySince;
import io.apollo.core.version.Version;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The SQL of {@code health_since}: since when each entity runs its version healthy (what promotion bakes count). */
final class HealthSinceRows {
  static final String SELECT = "SELECT entity, version, since FROM health_since";

  private HealthSinceRows() {}

  static HealthySince read(ResultSet r) throws SQLException {
    return new HealthySince(EntityId.parse(r.getString("entity")), Version.parse(r.getString("version")),
        Instant.ofEpochMilli(r.getLong("since")));
  }

  /** Writes {@code put} and deletes {@code removed}, in the caller's transaction. */
  static void write(Connection c, List<HealthySince> put, Set<EntityId> removed) throws SQLException {
    for (EntityId id : removed) {
      Session.execute(c, "DELETE FROM health_since WHERE entity = ?", id.toString());
    }
    for (HealthySince h : put) {
      Session.execute(c, "INSERT INTO health_since (entity, version, since) VALUES (?, ?, ?) ON CONFLICT (entity)"
          + " DO UPDATE SET version = excluded.version, since = excluded.since", h.entity().toString(),
          h.version().toString(), h.since().toEpochMilli());
    }
  }
}
