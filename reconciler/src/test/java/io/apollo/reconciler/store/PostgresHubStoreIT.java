package io.apollo.reconciler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL 15 (a fresh database per test), and what only a server adds. */
class PostgresHubStoreIT extends HubStoreContract {
  private String url;

  @BeforeEach
  void database() {
    url = TestPostgres.newDatabase();
  }

  @Override
  JdbcHubStore open() {
    return JdbcHubStore.openPostgres(url);
  }

  @Test
  void hubsOpeningOneNewDatabaseAtOnceAllGetTheSchema() throws Exception {
    int hubs = 4;
    CountDownLatch go = new CountDownLatch(1);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<JdbcHubStore>> opened = java.util.stream.IntStream.range(0, hubs)
          .mapToObj(i -> pool.submit(() -> {
            go.await();
            return open();
          })).toList();
      go.countDown();
      for (Future<JdbcHubStore> f : opened) {
        try (JdbcHubStore store = f.get()) {
          assertThat(store.meta("schema_version")).contains(JdbcHubStore.SCHEMA_VERSION);
        }
      }
    }
  }

  @Test
  void aLostConnectionFailsOneCallAndTheNextOpensItAgain() throws Exception {
    try (JdbcHubStore store = open()) {
      store.takeLeadership("hub-a", T0);
      store.save(List.of(plan("pl-00000000000000c1")), List.of());
      try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name = 'apollo-hub-store'");
      }
      assertThatThrownBy(store::plans).isInstanceOf(ReconcilerException.class)
          .hasMessageContaining("cannot read the hub's database");
      assertThat(store.plans()).extracting(StoredPlan::id).containsExactly("pl-00000000000000c1");
      store.save(List.of(plan("pl-00000000000000c2")), List.of());
      assertThat(store.plans()).hasSize(2);
    }
  }

  @Test
  void anUnreachableServerIsNamedWithoutItsPassword() {
    assertThatThrownBy(() -> JdbcHubStore.openPostgres(
        "jdbc:postgresql://127.0.0.1:1/apollo?user=apollo&password=hunter2&connectTimeout=2"))
        .isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("127.0.0.1:1/apollo")
        .hasMessageContaining("--db")
        .hasMessageNotContaining("hunter2");
  }
}
