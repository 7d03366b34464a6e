/**
 * The hub (DESIGN.md sections 4, 5 and 7): a Vert.x 5 service that reads the config repository from git by commit,
 * loads it with {@link io.apollo.core.load.ConfigLoader} (re-parsing only changed blobs), plans with
 * {@link io.apollo.core.plan.Planner}, proposes and approves plans through git branches and merges, dispatches
 * approved plans to spokes over HTTP and keeps plan lifecycle in an embedded database. Packages: {@code gitsync}
 * (the repository), {@code store} (the journal), {@code loop} (the one writer of plan state), {@code dispatch}
 * (push and long poll), {@code api} (the routes) and {@code hub} (options and wiring). It may depend on core, never
 * on spoke; the build enforces it.
 */
package io.apollo.reconciler;
