package io.apollo.reconciler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The fencing epoch's SQL, run inside the caller's transaction on the one-row {@code leadership} table. Taking
 * leadership increments the epoch; every fenced write first runs {@code UPDATE leadership SET epoch = epoch WHERE
 * id = 1 AND epoch = ?}, which matches no row once another hub has taken leadership. On PostgreSQL that UPDATE also
 * locks the row until the write commits, so a takeover waits for a write under way instead of slipping under it.
 */
final class Fencing {
  private Fencing() {}

  /** Increments the epoch, records the holder, and returns the new epoch. */
  static long take(Connection connection, String holder, Instant at) throws SQLException {
    try (PreparedStatement bump = connection.prepareStatement(
        "UPDATE leadership SET epoch = epoch + 1, holder = ?, taken_at = ? WHERE id = 1")) {
      bump.setString(1, holder);
      bump.setLong(2, at.toEpochMilli());
      bump.executeUpdate();
    }
    return current(connection);
  }

  /** Throws {@link StaleEpochException} (for {@code what}) unless {@code epoch} is still the store's. */
  static void check(Connection connection, String what, long epoch) throws SQLException {
    try (PreparedStatement check = connection.prepareStatement(
        "UPDATE leadership SET epoch = epoch WHERE id = 1 AND epoch = ?")) {
      check.setLong(1, epoch);
      if (check.executeUpdate() == 1) {
        return;
      }
    }
    throw new StaleEpochException(what, epoch, current(connection));
  }

  private static long current(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT epoch FROM leadership WHERE id = 1")) {
      r.next();
      return r.getLong(1);
    }
  }
}
