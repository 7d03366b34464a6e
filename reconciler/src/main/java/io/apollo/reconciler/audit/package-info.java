/**
 * The audit record of a plan (issue 17): who proposed it and from which commit, every approval (commit, and the
 * signing key's fingerprint when the approval was signed), every constraint verdict over time, every dispatch
 * attempt and the spoke's outcome, with one time-ordered list of steps. {@link io.apollo.reconciler.audit.AuditRecord}
 * builds it from what the store holds; it is pure.
 */
package io.apollo.reconciler.audit;
