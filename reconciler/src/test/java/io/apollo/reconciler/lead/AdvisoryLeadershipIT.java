package io.apollo.reconciler.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The advisory lock on a real PostgreSQL: of two contenders exactly one leads; when the leader's session ends (as
 * when its process dies, here by the server terminating it) it is told it no longer leads and the other takes over.
 */
class AdvisoryLeadershipIT {
  private static final Duration RETRY = Duration.ofMillis(200);

  /** Records what a contender was told, in order. */
  private static final class Events implements AdvisoryLeadership.Listener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void elected() {
      seen.add("elected");
    }

    @Override
    public void deposed(String why) {
      seen.add("deposed");
    }

    @Override
    public void following() {
      if (!seen.contains("following")) {
        seen.add("following");
      }
    }
  }

  @Test
  void oneOfTwoLeadsAndTheOtherTakesOverWhenTheLeadersSessionEnds() throws Exception {
    String url = TestPostgres.newDatabase();
    Events eventsA = new Events();
    Events eventsB = new Events();
    try (AdvisoryLeadership a = new AdvisoryLeadership(url, RETRY, eventsA);
        AdvisoryLeadership b = new AdvisoryLeadership(url, RETRY, eventsB)) {
      a.start();
      await("a to lead", a::leads);
      b.start();
      await("b to follow", () -> eventsB.seen.contains("following"));
      assertThat(b.leads()).isFalse();
      assertThat(eventsA.seen).containsExactly("elected");

      terminateLeadershipSessions(url, 1);
      await("a to hear it was deposed", () -> eventsA.seen.contains("deposed"));
      // Either may win the free lock (a reconnects too); never both.
      await("one of them to lead again", () -> {
        assertThat(a.leads() && b.leads()).as("both lead").isFalse();
        return a.leads() || b.leads();
      });
      AdvisoryLeadership leader = a.leads() ? a : b;
      Events leaderEvents = leader == a ? eventsA : eventsB;
      assertThat(leaderEvents.seen).endsWith("elected");
      leader.close();
      assertThat(leaderEvents.seen).as("closing a leader tells it first").endsWith("deposed");
      AdvisoryLeadership other = leader == a ? b : a;
      await("the other to take over when the leader stops", other::leads);
    }
  }

  /** Ends the session holding the lock, as the server does when the leader's process dies. */
  private static void terminateLeadershipSessions(String url, int expected) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype ="
            + " 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname ="
            + " current_database())")) {
      int terminated = 0;
      while (r.next()) {
        terminated += r.getBoolean(1) ? 1 : 0;
      }
      assertThat(terminated).as("sessions holding the leadership lock").isEqualTo(expected);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up after 20 s waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
