package io.apollo.reconciler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the notification outbox (table {@code notification_outbox}), the same on SQLite and PostgreSQL. Rows
 * are inserted in the caller's transaction, beside the plan history they tell of; a row already there (same
 * idempotency key) is kept as it is.
 */
final class Outbox {
  static final String TABLE = "CREATE TABLE IF NOT EXISTS notification_outbox (id TEXT PRIMARY KEY,"
      + " notification TEXT NOT NULL, event TEXT NOT NULL, subject TEXT NOT NULL, target TEXT NOT NULL,"
      + " url TEXT NOT NULL, secret_ref TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL,"
      + " attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL, state TEXT NOT NULL, last_error TEXT,"
      + " epoch BIGINT NOT NULL DEFAULT 0)";
  static final String DUE_INDEX = "CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox"
      + " (state, next_attempt_at)";

  private Outbox() {}

  static void insert(Connection c, List<NotificationDelivery> deliveries, long epoch) throws SQLException {
    if (deliveries.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO notification_outbox (id, notification, event,"
        + " subject, target, url, secret_ref, body, created_at, attempts, next_attempt_at, state, last_error, epoch)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
      for (NotificationDelivery d : deliveries) {
        insert.setString(1, d.id());
        insert.setString(2, d.notification());
        insert.setString(3, d.event());
        insert.setString(4, d.subject());
        insert.setString(5, d.target());
        insert.setString(6, d.url());
        insert.setString(7, d.secretRef());
        insert.setString(8, d.body());
        insert.setLong(9, d.createdAt().toEpochMilli());
        insert.setInt(10, d.attempts());
        insert.setLong(11, d.nextAttemptAt().toEpochMilli());
        insert.setString(12, d.state().name());
        insert.setString(13, d.lastError().orElse(null));
        insert.setLong(14, epoch);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static NotificationDelivery read(ResultSet r) throws SQLException {
    return new NotificationDelivery(r.getString("id"), r.getString("notification"), r.getString("event"),
        r.getString("subject"), r.getString("target"), r.getString("url"), r.getString("secret_ref"),
        r.getString("body"), Instant.ofEpochMilli(r.getLong("created_at")), r.getInt("attempts"),
        Instant.ofEpochMilli(r.getLong("next_attempt_at")),
        NotificationDelivery.DeliveryState.valueOf(r.getString("state")), Optional.ofNullable(r.getString("last_error")).filter(e -> !e.isEmpty()));
  }
}
