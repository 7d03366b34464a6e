/**
 * The hub's durable state (DESIGN.md section 7): plan lifecycle with its history, the latest report of each spoke,
 * dispatch attempts, approvals seen and a little metadata, behind {@link io.apollo.reconciler.store.HubStore}.
 * {@link io.apollo.reconciler.store.JdbcHubStore} keeps it in SQLite in the data folder with plain SQL that also
 * runs on PostgreSQL. Every call blocks (JDBC): never call it on an event loop.
 */
package io.apollo.reconciler.store;
