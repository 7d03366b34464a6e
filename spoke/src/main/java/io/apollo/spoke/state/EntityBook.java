package io.apollo.spoke.state;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.Health;
import io.apollo.spoke.journal.EntityRecord;
import io.apollo.spoke.journal.Journal;
import io.apollo.spoke.journal.PlanRecord;
import io.apollo.spoke.operator.Observation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one writer of what this spoke knows of its entities: every change goes through here, is written to the
 * {@link Journal} first, then held in memory for reports, then announced to listeners (the reporter). Readers take
 * {@link #snapshot}s. Methods block on the journal: call them from virtual or worker threads.
 */
public final class EntityBook {
  private final Journal journal;
  private final Clock clock;
  private final Map<EntityId, EntityRecord> entities = new TreeMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<PlanRecord>> finishedListeners = new CopyOnWriteArrayList<>();

  public EntityBook(Journal journal, Clock clock) {
    this.journal = journal;
    this.clock = clock;
    journal.entities().forEach(e -> entities.put(e.entity(), e));
  }

  /** Calls {@code listener} after every change (on the thread that made it; it must not block). */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Calls {@code listener} with every plan once its outcome is journaled (it must not block). */
  public void onPlanFinished(Consumer<PlanRecord> listener) {
    finishedListeners.add(listener);
  }

  /** Journals that {@code plan} begins and marks its entity INSTALLING with outcome RUNNING. */
  public void begin(PlanRecord plan) {
    EntityRecord next;
    synchronized (this) {
      next = current(plan).planBegun(plan.id(), clock.instant());
      journal.begin(plan.id(), next, clock.instant());
      entities.put(next.entity(), next);
    }
    changed();
  }

  /** Journals the plan's outcome and the entity's state after it, in one transaction. */
  public void finish(PlanRecord finished, EntityRecord after) {
    synchronized (this) {
      journal.finish(finished, after);
      entities.put(after.entity(), after);
    }
    finishedListeners.forEach(l -> l.accept(finished));
    changed();
  }

  /**
   * Applies a health observation: held in memory always (so reports carry the time of the latest check), journaled
   * and announced only when a report would say something new.
   */
  public void healthSeen(EntityId entity, Observation seen) {
    boolean changed = false;
    synchronized (this) {
      EntityRecord before = entities.get(entity);
      if (before == null) {
        return;
      }
      // An entity that vanished from the host is unhealthy, whatever the operator's health says of nothing.
      boolean vanished = seen.version().isEmpty() && before.version().isPresent();
      String words = vanished
          ? "expected " + before.version().get() + " installed but found nothing: " + seen.message()
          : seen.message();
      EntityRecord after = before.healthSeen(vanished ? Health.UNHEALTHY : seen.health(), words, clock.instant());
      // Journal and announce only what a report would show differently; keep the fresh time of observation anyway.
      if (after.differsFrom(before)) {
        journal.save(after);
        changed = true;
      }
      entities.put(entity, after);
    }
    if (changed) {
      changed();
    }
  }

  /** What is known of {@code entity} now; a plan's entity this spoke never ran anything for starts UNMANAGED. */
  public synchronized EntityRecord current(PlanRecord plan) {
    EntityRecord known = entities.get(plan.plan().entity());
    return known != null ? known : EntityRecord.unknown(plan.plan().entity(), plan.plan().product(), clock.instant());
  }

  public synchronized Optional<EntityRecord> get(EntityId entity) {
    return Optional.ofNullable(entities.get(entity));
  }

  /** Every entity, in id order. */
  public synchronized List<EntityRecord> snapshot() {
    return new ArrayList<>(entities.values());
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
