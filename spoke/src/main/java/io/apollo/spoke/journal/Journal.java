package io.apollo.spoke.journal;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessageJson;
import io.apollo.spoke.SpokeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The spoke's durable memory: every plan taken, each step begun, each outcome, and what it knows of each entity, in
 * a SQLite file ({@code journal.db} in the work folder) written with {@code synchronous=FULL}, so that whatever a
 * method has returned survives a {@code kill -9} or a power cut.
 *
 * <p>Contracts: {@link #take} is atomic, so one plan id is taken once however often and however concurrently it is
 * delivered; a plan's outcome and its entity's new state are written in one transaction. Every method blocks (file
 * I/O): call it from a virtual or worker thread, never an event loop. Thread-safe (one connection, serialised).
 */
public final class Journal implements AutoCloseable {
  private static final String FILE = "journal.db";

  private final Connection db;

  private Journal(Connection db) {
    this.db = db;
  }

  /** Opens (creating when missing) the journal in {@code workDir}. */
  public static Journal open(Path workDir) {
    Path file = workDir.resolve(FILE);
    try {
      Files.createDirectories(workDir);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("CREATE TABLE IF NOT EXISTS plans (id TEXT PRIMARY KEY, entity TEXT NOT NULL, body TEXT NOT NULL,"
            + " status TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL, taken_at TEXT NOT NULL,"
            + " finished_at TEXT, seq INTEGER NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS steps (plan_id TEXT NOT NULL, at TEXT NOT NULL, step TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS entities (entity TEXT PRIMARY KEY, product TEXT NOT NULL, version TEXT,"
            + " config_digest TEXT, state TEXT NOT NULL, health TEXT NOT NULL, last_plan_id TEXT,"
            + " last_plan_outcome TEXT, last_healthy_version TEXT, current_ran_healthy INTEGER NOT NULL,"
            + " message TEXT NOT NULL, observed_at TEXT NOT NULL)");
      }
      return new Journal(db);
    } catch (java.io.IOException | SQLException e) {
      throw new SpokeException("cannot open the spoke journal " + file + ": " + e.getMessage()
          + "; check that --work-dir is a writable folder on a local disk", e);
    }
  }

  /** Records {@code plan} as taken unless its id is already known; answers the record either way. */
  public synchronized Taken take(PlanMessage plan, Instant now) {
    Optional<PlanRecord> known = plan(plan.id());
    if (known.isPresent()) {
      return new Taken(known.get(), false);
    }
    update("INSERT INTO plans (id, entity, body, status, reason, message, taken_at, seq)"
            + " VALUES (?, ?, ?, ?, '', '', ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM plans))",
        plan.id(), plan.entity().toString(), PlanMessageJson.write(plan).toString(), PlanStatus.TAKEN.name(),
        now.toString());
    step(plan.id(), "taken", now);
    return new Taken(PlanRecord.taken(plan, now), true);
  }

  /** Records that the plan was handed to its operator, and its entity's state at that moment. */
  public synchronized void begin(String planId, EntityRecord entity, Instant now) {
    transaction(() -> {
      update("UPDATE plans SET status = ? WHERE id = ?", PlanStatus.RUNNING.name(), planId);
      step(planId, "begun", now);
      saveEntity(entity);
    });
  }

  /** Records a step of a running plan, for the record a person reads after a failure. */
  public synchronized void step(String planId, String step, Instant now) {
    update("INSERT INTO steps (plan_id, at, step) VALUES (?, ?, ?)", planId, now.toString(), step);
  }

  /** Records the plan's outcome and its entity's new state, in one transaction. */
  public synchronized void finish(PlanRecord finished, EntityRecord entity) {
    Instant at = finished.finishedAt().orElseThrow(() -> new SpokeException("plan " + finished.id() + " has no end"));
    transaction(() -> {
      update("UPDATE plans SET status = ?, reason = ?, message = ?, finished_at = ? WHERE id = ?",
          finished.status().name(), finished.reason(), finished.message(), at.toString(), finished.id());
      step(finished.id(), "finished " + finished.status().name().toLowerCase(Locale.ROOT), at);
      saveEntity(entity);
    });
  }

  /** Stores what is known of one entity (after a health check that changed something). */
  public synchronized void save(EntityRecord entity) {
    saveEntity(entity);
  }

  public synchronized Optional<PlanRecord> plan(String id) {
    List<PlanRecord> found = plans("WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  /** Plans taken but not finished, in the order they were taken. */
  public synchronized List<PlanRecord> unfinished() {
    return plans("WHERE status IN ('TAKEN', 'RUNNING')");
  }

  /** The steps recorded for a plan, oldest first, as {@code "<instant> <step>"}. */
  public synchronized List<String> steps(String planId) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement("SELECT at, step FROM steps WHERE plan_id = ? ORDER BY rowid")) {
      s.setString(1, planId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1) + " " + r.getString(2));
        }
      }
    } catch (SQLException e) {
      throw failure("read the steps of plan " + planId, e);
    }
    return out;
  }

  public synchronized List<EntityRecord> entities() {
    List<EntityRecord> out = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement("SELECT * FROM entities ORDER BY entity");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new EntityRecord(
            EntityId.parse(r.getString("entity")),
            ProductId.parse(r.getString("product")),
            Optional.ofNullable(r.getString("version")).map(Version::parse),
            Optional.ofNullable(r.getString("config_digest")),
            EntityState.valueOf(r.getString("state")),
            Health.valueOf(r.getString("health")),
            Optional.ofNullable(r.getString("last_plan_id")),
            Optional.ofNullable(r.getString("last_plan_outcome")).map(PlanOutcome::valueOf),
            Optional.ofNullable(r.getString("last_healthy_version")).map(Version::parse),
            r.getInt("current_ran_healthy") != 0,
            r.getString("message"),
            Instant.parse(r.getString("observed_at"))));
      }
    } catch (SQLException e) {
      throw failure("read the entities", e);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  private void saveEntity(EntityRecord e) {
    update("INSERT OR REPLACE INTO entities (entity, product, version, config_digest, state, health, last_plan_id,"
            + " last_plan_outcome, last_healthy_version, current_ran_healthy, message, observed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.entity().toString(), e.product().toString(), e.version().map(Version::toString).orElse(null),
        e.configDigest().orElse(null), e.state().name(), e.health().name(), e.lastPlanId().orElse(null),
        e.lastPlanOutcome().map(Enum::name).orElse(null), e.lastHealthyVersion().map(Version::toString).orElse(null),
        e.currentRanHealthy() ? 1 : 0, e.message(), e.observedAt().toString());
  }

  private List<PlanRecord> plans(String where, Object... args) {
    List<PlanRecord> out = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement("SELECT * FROM plans " + where + " ORDER BY seq")) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String id = r.getString("id");
          out.add(new PlanRecord(
              PlanMessageJson.read("journal plan " + id, r.getString("body").getBytes(StandardCharsets.UTF_8)),
              PlanStatus.valueOf(r.getString("status")),
              r.getString("reason"),
              r.getString("message"),
              Instant.parse(r.getString("taken_at")),
              Optional.ofNullable(r.getString("finished_at")).map(Instant::parse)));
        }
      }
    } catch (SQLException e) {
      throw failure("read plans", e);
    }
    return out;
  }

  private void transaction(Runnable work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("write a transaction", e);
    }
  }

  private void update(String sql, Object... args) {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  private static SpokeException failure(String what, SQLException e) {
    return new SpokeException("spoke journal: cannot " + what + ": " + e.getMessage(), e);
  }
}
