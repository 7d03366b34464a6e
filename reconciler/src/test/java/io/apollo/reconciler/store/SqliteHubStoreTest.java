package io.apollo.reconciler.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.plan.PlanState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite in a temp folder, and the migration of a schema 1 database (before leadership). */
class SqliteHubStoreTest extends HubStoreContract {
  @TempDir Path temp;

  @Override
  JdbcHubStore open() {
    return JdbcHubStore.openSqlite(temp);
  }

  @Test
  void aSchemaOneDatabaseIsMigratedAndKeepsItsPlans() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("hub.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
      s.execute("CREATE TABLE plans (id TEXT PRIMARY KEY, entity TEXT NOT NULL, environment TEXT NOT NULL,"
          + " spoke TEXT NOT NULL, state TEXT NOT NULL, git TEXT NOT NULL, body TEXT NOT NULL,"
          + " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)");
      s.execute("CREATE TABLE dispatch_attempts (plan_id TEXT NOT NULL, spoke TEXT NOT NULL, at BIGINT NOT NULL,"
          + " acknowledged INTEGER NOT NULL, detail TEXT NOT NULL)");
      s.execute("INSERT INTO meta VALUES ('schema_version', '1')");
      s.execute("INSERT INTO plans VALUES ('pl-0000000000000001', 'staging/web', 'staging', 'staging-spoke',"
          + " 'APPROVED', 'PROPOSED', '{}', 1, 2)");
      s.execute("INSERT INTO dispatch_attempts VALUES ('pl-0000000000000001', 'staging-spoke', 3, 1, '202')");
    }
    try (JdbcHubStore store = open()) {
      assertThat(store.meta("schema_version")).contains(JdbcHubStore.SCHEMA_VERSION);
      assertThat(store.plans()).singleElement().extracting(StoredPlan::state).isEqualTo(PlanState.APPROVED);
      assertThat(store.acknowledgedPlans()).containsExactly("pl-0000000000000001");
      store.takeLeadership("hub", T0);
      store.save(List.of(plan("pl-0000000000000002")), List.of());
      assertThat(store.plans()).hasSize(2);
    }
  }

  /** Issue 15: a database from before signed approvals gains the key column and keeps its approvals. */
  @Test
  void anApprovalsTableWithoutTheKeyColumnGainsItAndKeepsItsRows() throws Exception {
    try (JdbcHubStore store = open()) {
      store.takeLeadership("hub", T0);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("hub.db"));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE approvals");
      s.execute("CREATE TABLE approvals (plan_id TEXT NOT NULL, commit_id TEXT NOT NULL, by_email TEXT NOT NULL,"
          + " role TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL, refusal TEXT, refusal_reason TEXT,"
          + " PRIMARY KEY (plan_id, commit_id, by_email, role))");
      s.execute("INSERT INTO approvals VALUES ('pl-1', 'abc', 'alice@example.com', 'sre', 'MERGE', 1, NULL, NULL)");
    }
    try (JdbcHubStore store = open()) {
      store.takeLeadership("hub", T0);
      store.recordApprovals(List.of(new StoredApproval("pl-1", "def", "bob@example.com", Optional.of("sre"),
          "ENTRY", T0, Optional.empty(), Optional.empty(), Optional.of("SHA256:bobkey"))));
      assertThat(store.approvals().get("pl-1")).extracting(StoredApproval::by, StoredApproval::keyFingerprint)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("alice@example.com", Optional.empty()),
              org.assertj.core.groups.Tuple.tuple("bob@example.com", Optional.of("SHA256:bobkey")));
    }
  }
}
