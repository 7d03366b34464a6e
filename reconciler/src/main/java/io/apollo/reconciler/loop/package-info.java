/**
 * The reconcile loop (DESIGN.md sections 4, 5 and 7): the one writer of plan state. A pass at a time runs on a
 * virtual thread as a numbered story (fetch, load, follow reports, plan, diff against the store, persist, publish
 * in git, dispatch, publish a snapshot); triggers arriving during a pass coalesce into one more pass. HTTP handlers
 * only read the published {@link io.apollo.reconciler.loop.HubSnapshot} and enqueue triggers.
 */
package io.apollo.reconciler.loop;
