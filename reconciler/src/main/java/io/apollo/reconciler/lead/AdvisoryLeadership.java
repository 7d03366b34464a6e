package io.apollo.reconciler.lead;

import io.apollo.reconciler.store.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership among hubs sharing one PostgreSQL database: a session-level advisory lock ({@code
 * pg_try_advisory_lock}) held on a connection of its own. One virtual thread ticks every {@code retry}: while
 * following it tries the lock; while leading it checks the connection still answers. When the hub dies the
 * server ends its session and the lock is free; when the connection breaks (server restarted, network cut) this hub
 * stops acting at once, since the server may already have given the lock to another. The fencing epoch covers the
 * moments in between: a write from the old leadership is refused by the store.
 */
public final class AdvisoryLeadership implements AutoCloseable {
  /** The advisory lock key of hub leadership (any number unique to Apollo in the database). */
  public static final long LOCK_KEY = 0x41504f4c4c4f0002L;

  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLeadership.class);

  /** Told of leadership, always on the leadership thread, one call at a time. */
  public interface Listener {
    /** This hub took the lock; throwing gives it back (the next tick tries again). */
    void elected();

    /** This hub no longer holds the lock, or may not ({@code why} in words); it must stop acting now. */
    void deposed(String why);

    /** Every tick while following (after a failed try): a moment to refresh what followers serve. */
    void following();
  }

  private final String url;
  private final Duration retry;
  private final Listener listener;
  private volatile boolean closed;
  private volatile boolean leading;
  private Connection connection;
  private Thread thread;

  public AdvisoryLeadership(String url, Duration retry, Listener listener) {
    this.url = url;
    this.retry = retry;
    this.listener = listener;
  }

  /** Starts trying for leadership; returns at once. */
  public void start() {
    thread = Thread.ofVirtual().name("apollo-leadership").start(this::run);
  }

  /** Whether this hub holds the lock now. */
  public boolean leads() {
    return leading;
  }

  private void run() {
    while (!closed) {
      tick();
      try {
        Thread.sleep(retry);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void tick() {
    try {
      if (connection == null) {
        connection = connect();
      }
      if (leading) {
        try (Statement s = connection.createStatement()) {
          s.setQueryTimeout(5);
          s.execute("SELECT 1");
        }
        return;
      }
      if (tryLock()) {
        leading = true;
        try {
          listener.elected();
        } catch (RuntimeException e) {
          LOG.error("Took leadership but could not start leading; giving it back: {}", e.getMessage(), e);
          leading = false;
          dropConnection();
        }
      } else {
        listener.following();
      }
    } catch (SQLException e) {
      dropConnection();
      if (leading) {
        leading = false;
        listener.deposed("the connection holding leadership broke: " + e.getMessage());
      } else {
        LOG.warn("Cannot try for leadership on {}: {}; trying again in {}", Databases.redact(url), e.getMessage(),
            retry);
      }
    } catch (RuntimeException e) {
      LOG.warn("A leadership tick failed; the next one tries again: {}", e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    // A dead server or network must not hang the tick: a leader has to notice it may have lost the lock.
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "10");
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", "apollo-hub-leadership");
    Connection c = DriverManager.getConnection(url, properties);
    c.setAutoCommit(true);
    return c;
  }

  private boolean tryLock() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
      return r.next() && r.getBoolean(1);
    }
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing a broken connection: the server ends the session (and frees the lock) on its side.
      }
      connection = null;
    }
  }

  /**
   * Stops trying; when leading, tells the listener (which stops the loop) before the lock is released by closing
   * the connection, so that no other hub acts while this one still does.
   */
  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(40));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (leading) {
      leading = false;
      listener.deposed("this hub is stopping");
    }
    dropConnection();
  }
}
