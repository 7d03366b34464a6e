/**
 * The hub as a running service: {@link io.apollo.reconciler.hub.HubOptions} (every option, read and checked in one
 * place), {@link io.apollo.reconciler.hub.Hub} (wires store, git, loop, dispatch and API, and stops them in order),
 * and {@link io.apollo.reconciler.hub.HubMain}, a {@code main} for running the hub from the reconciler's own
 * classpath (tests start it as a child process). {@code apollo hub} in cli is the user's way in.
 */
package io.apollo.reconciler.hub;
