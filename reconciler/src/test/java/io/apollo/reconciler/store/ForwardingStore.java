package io.apollo.reconciler.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link HubStore} that hands every call to another: tests override the calls they want to gate or fail. */
class ForwardingStore implements HubStore {
  private final HubStore to;

  ForwardingStore(HubStore to) {
    this.to = to;
  }

  @Override
  public List<StoredPlan> plans() {
    return to.plans();
  }

  @Override
  public Optional<StoredPlan> plan(String id) {
    return to.plan(id);
  }

  @Override
  public List<PlanEvent> history(String planId) {
    return to.history(planId);
  }

  @Override
  public void save(List<StoredPlan> plans, List<PlanEvent> events) {
    to.save(plans, events);
  }

  @Override
  public Map<io.apollo.core.config.EntityId, io.apollo.core.report.HealthySince> healthySince() {
    return to.healthySince();
  }

  @Override
  public void updateHealthySince(List<io.apollo.core.report.HealthySince> put,
      Set<io.apollo.core.config.EntityId> removed) {
    to.updateHealthySince(put, removed);
  }

  @Override
  public void putReport(StoredReport report) {
    to.putReport(report);
  }

  @Override
  public void putReports(List<StoredReport> reports) {
    to.putReports(reports);
  }

  @Override
  public Optional<StoredReport> report(String spoke) {
    return to.report(spoke);
  }

  @Override
  public Map<String, StoredReport> reports() {
    return to.reports();
  }

  @Override
  public void recordDispatch(DispatchAttempt attempt) {
    to.recordDispatch(attempt);
  }

  @Override
  public Set<String> acknowledgedPlans() {
    return to.acknowledgedPlans();
  }

  @Override
  public void recordApprovals(List<StoredApproval> approvals) {
    to.recordApprovals(approvals);
  }

  @Override
  public Map<String, List<StoredApproval>> approvals() {
    return to.approvals();
  }

  @Override
  public Optional<String> meta(String key) {
    return to.meta(key);
  }

  @Override
  public long takeLeadership(String holder, Instant at) {
    return to.takeLeadership(holder, at);
  }

  @Override
  public long epoch() {
    return to.epoch();
  }

  @Override
  public Leader leader() {
    return to.leader();
  }

  @Override
  public void checkFence() {
    to.checkFence();
  }

  @Override
  public void putMeta(String key, String value) {
    to.putMeta(key, value);
  }

  @Override
  public void close() {
    to.close();
  }

  @Override
  public void save(List<StoredPlan> plans, List<PlanEvent> events, List<NotificationDelivery> deliveries) {
    to.save(plans, events, deliveries);
  }

  @Override
  public List<NotificationDelivery> dueDeliveries(Instant now, int limit) {
    return to.dueDeliveries(now, limit);
  }

  @Override
  public void recordDelivery(NotificationDelivery after) {
    to.recordDelivery(after);
  }

  @Override
  public Map<NotificationDelivery.DeliveryState, Long> deliveryCounts() {
    return to.deliveryCounts();
  }

  @Override
  public List<NotificationDelivery> deadLetters(int limit) {
    return to.deadLetters(limit);
  }

  @Override
  public Set<String> degradedEntities() {
    return to.degradedEntities();
  }

  @Override
  public void recordDegraded(Set<String> degraded, List<NotificationDelivery> deliveries) {
    to.recordDegraded(degraded, deliveries);
  }

  @Override
  public void recordVerdicts(List<PlanVerdict> verdicts) {
    to.recordVerdicts(verdicts);
  }

  @Override
  public List<PlanVerdict> verdicts(String planId) {
    return to.verdicts(planId);
  }

  @Override
  public Optional<String> latestVerdict(String planId) {
    return to.latestVerdict(planId);
  }

  @Override
  public List<DispatchAttempt> dispatchAttempts(String planId) {
    return to.dispatchAttempts(planId);
  }
}
