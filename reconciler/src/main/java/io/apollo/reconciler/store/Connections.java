package io.apollo.reconciler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** How the store opens (and, after losing one, opens again) its connection; autocommit is off on both. */
final class Connections {
  /** Opens a connection to the store's database. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private Connections() {}

  /** SQLite in WAL mode (readers do not wait for the writer), waiting up to 5 s for a lock. */
  static Opener sqlite(Path file) {
    return () -> {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
      connection.setAutoCommit(false);
      return connection;
    };
  }

  /** PostgreSQL, named in {@code pg_stat_activity} as {@code apollo-hub-store}; keepalives find a dead peer. */
  static Opener postgres(String url) {
    return () -> {
      Properties properties = new Properties();
      properties.setProperty("ApplicationName", "apollo-hub-store");
      properties.setProperty("connectTimeout", "10");
      properties.setProperty("tcpKeepAlive", "true");
      Connection connection = DriverManager.getConnection(url, properties);
      connection.setAutoCommit(false);
      return connection;
    };
  }
}
