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

  /**
   * Writes the plans, appends the events and adds the notification deliveries they cause (the outbox), all in one
   * transaction: a transition and the events telling of it are kept together or not at all.
   */
  default void save(List<StoredPlan> plans, List<PlanEvent> events, List<NotificationDelivery> deliveries) {
    if (!deliveries.isEmpty()) {
      throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no notification outbox");
    }
    save(plans, events);
  }

  /** The entities (ids) last recorded as degraded: what {@code entity.degraded} events are judged against. */
  default java.util.Set<String> degradedEntities() {
    return java.util.Set.of();
  }

  /**
   * Records which entities are degraded now and adds the deliveries telling of those newly so, in one transaction
   * (fenced): each RUNNING to DEGRADED transition is told once, never once per pass.
   */
  default void recordDegraded(java.util.Set<String> degraded, List<NotificationDelivery> deliveries) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no entity health");
  }

  /** Up to {@code limit} pending deliveries due at {@code now}, oldest first. */
  default List<NotificationDelivery> dueDeliveries(java.time.Instant now, int limit) {
    return List.of();
  }

  /** Records how a delivery attempt went (fenced: only the leader sends). */
  default void recordDelivery(NotificationDelivery after) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no notification outbox");
  }

  /** How many deliveries are in each state. */
  default Map<NotificationDelivery.DeliveryState, Long> deliveryCounts() {
    return Map.of();
  }

  /** The latest {@code limit} dead-lettered deliveries, newest first. */
  default List<NotificationDelivery> deadLetters(int limit) {
    return List.of();
  }

  /** Appends constraint verdicts (fenced); the audit record shows them in order. */
  default void recordVerdicts(List<PlanVerdict> verdicts) {
    if (!verdicts.isEmpty()) {
      throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no verdicts");
    }
  }

  /** The plan's recorded verdicts, oldest first. */
  default List<PlanVerdict> verdicts(String planId) {
    return List.of();
  }

  /** The plan's latest recorded violations (JSON), when any verdict was recorded. */
  default Optional<String> latestVerdict(String planId) {
    return Optional.empty();
  }

  /** Every try at handing the plan to its spoke, oldest first. */
  default List<DispatchAttempt> dispatchAttempts(String planId) {
    return List.of();
  }

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
