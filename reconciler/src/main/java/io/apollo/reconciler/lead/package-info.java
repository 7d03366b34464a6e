/**
 * Which hub acts. With SQLite there is only ever one hub per data folder ({@link
 * io.apollo.reconciler.lead.DataDirLock}, a lock file). With PostgreSQL several hubs share one store; one leads,
 * holding a session-level advisory lock on a connection of its own ({@link
 * io.apollo.reconciler.lead.AdvisoryLeadership}), the others follow: they serve reads from the store and try the
 * lock every second, so that when the leader dies (its session ends, releasing the lock) one takes over within
 * seconds. Each leadership takes a new fencing epoch in the store ({@link
 * io.apollo.reconciler.store.HubStore#takeLeadership}); the store refuses writes from an older one, so a hub that
 * lost leadership without knowing it yet changes nothing. {@link io.apollo.reconciler.lead.Terms} runs a reconcile
 * loop for each leadership and stops it when leadership ends.
 */
package io.apollo.reconciler.lead;
