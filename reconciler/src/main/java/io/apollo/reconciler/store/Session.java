package io.apollo.reconciler.store;

import io.apollo.reconciler.ReconcilerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's one connection and its transactions: every call is one transaction, rolled back on failure (PostgreSQL
 * refuses every statement of a failed transaction until then). A connection that is gone (SQL state class 08, or
 * 57P: the server shutting down) fails the call under way and is opened again by the next one. Not thread-safe: the
 * store calls it under its own lock.
 */
final class Session implements AutoCloseable {
  /** Reads one row. */
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** The statements of one transaction. */
  interface Work {
    void run(Connection connection) throws SQLException;
  }

  private final Connections.Opener opener;
  private final String where;
  private Connection connection;
  private boolean broken;

  /** @param where the database as messages name it (a file, or a URL without its password) */
  Session(Connections.Opener opener, String where) throws SQLException {
    this.opener = opener;
    this.where = where;
    this.connection = opener.open();
  }

  <T> List<T> query(String sql, List<Object> args, Row<T> row) {
    try {
      reopenIfBroken();
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
      }
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new ReconcilerException("cannot read the hub's database " + where + " (" + sql + "): "
          + e.getMessage(), e);
    }
  }

  /** Runs {@code work} and commits; {@code what} says what for the message when it fails. */
  void transaction(String what, Work work) {
    try {
      reopenIfBroken();
      work.run(connection);
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new ReconcilerException("cannot " + what + " in the hub's database " + where + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    }
  }

  /** One statement with its arguments, in the caller's transaction. */
  static void execute(Connection connection, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.executeUpdate();
    }
  }

  private void rollbackQuietly(Exception cause) {
    if (cause instanceof SQLException e && e.getSQLState() != null
        && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
      broken = true;
    }
    try {
      if (connection.isClosed()) {
        broken = true;
      } else {
        connection.rollback();
      }
    } catch (SQLException suppressed) {
      broken = true;
      cause.addSuppressed(suppressed);
    }
  }

  private void reopenIfBroken() throws SQLException {
    if (broken) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The old connection is already gone.
      }
      connection = opener.open();
      broken = false;
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new ReconcilerException("cannot close the hub's database " + where + ": " + e.getMessage(), e);
    }
  }
}
