/**
 * Canary rollouts: telling when a canary's failure must halt the rollout of a release ({@link
 * io.apollo.core.rollout.HaltDetector}), and the {@code ReleaseHold} document that halts it ({@link
 * io.apollo.core.rollout.HoldFile}). Pure: the hub commits what these return.
 */
package io.apollo.core.rollout;
