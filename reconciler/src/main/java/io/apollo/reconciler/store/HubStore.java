package io.apollo.reconciler.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hub's journal (DESIGN.md section 7). The reconcile loop is its only writer of plans; the HTTP API writes
 * reports. Every method blocks and is one transaction: a hub killed at any point restarts from a consistent state.
 * Implementations are safe to call from several threads.
 *
 * <p>Writes of plans, dispatches, approvals and meta are fenced: they throw {@link StaleEpochException}, keeping
 * nothing, when another hub took leadership (a newer epoch) since this store's hub did. A store that never took
 * leadership writes under epoch 0, which only a database no hub ever led accepts (tools and tests).
 */
public interface HubStore extends AutoCloseable {

  /** Every plan the hub has made, in creation order. */
  List<StoredPlan> plans();

  Optional<StoredPlan> plan(String id);

  /** The plan's history, oldest first; empty for an unknown id. */
  List<PlanEvent> history(String planId);

  /** Writes the plans (insert or replace by id) and appends the events, all in one transaction. */
  void save(List<StoredPlan> plans, List<PlanEvent> events);

  /** Replaces the spoke's latest report. */
  void putReport(StoredReport report);

  /**
   * Replaces the latest report of each spoke named, all in one transaction (of two reports of one spoke, the later
   * in the list wins): many reports for the price of one commit. Returns once the transaction has committed.
   */
  default void putReports(List<StoredReport> reports) {
    reports.forEach(this::putReport);
  }

  /** The latest report of {@code spoke}, when it has reported. */
  default Optional<StoredReport> report(String spoke) {
    return Optional.ofNullable(reports().get(spoke));
  }

  /** The latest report of every spoke that has reported, by spoke name. */
  Map<String, StoredReport> reports();

  /** Since when each entity runs its version healthy (a promotion bake counts from it), by entity. */
  Map<io.apollo.core.config.EntityId, io.apollo.core.report.HealthySince> healthySince();

  /**
   * Applies a change of the health history in one transaction: {@code put} entries written (insert or replace by
   * entity), {@code removed} entities' entries deleted.
   */
  void updateHealthySince(List<io.apollo.core.report.HealthySince> put,
      Set<io.apollo.core.config.EntityId> removed);

  void recordDispatch(DispatchAttempt attempt);

  /** The ids of plans some spoke acknowledged. */
  Set<String> acknowledgedPlans();

  /** Records approvals not seen before (by plan, commit, person and role); known ones are left as they are. */
  void recordApprovals(List<StoredApproval> approvals);

  /** Every approval seen, by plan id, oldest first. */
  Map<String, List<StoredApproval>> approvals();

  Optional<String> meta(String key);

  /**
   * Takes leadership: increments the store's fencing epoch, records {@code holder}, and from now on writes under
   * the new epoch. Call only while holding leadership (the advisory lock, or the SQLite data folder's lock file).
   * Returns the new epoch.
   */
  long takeLeadership(String holder, java.time.Instant at);

  /** The epoch this store writes under: 0 until {@link #takeLeadership}. */
  long epoch();

  /** Who last took leadership of the store. */
  Leader leader();

  /** Throws {@link StaleEpochException} when another hub took leadership since this store's did. */
  void checkFence();

  void putMeta(String key, String value);

  @Override
  void close();
}
