/**
 * The hub's git side (DESIGN.md section 4): the config repository as a {@link
 * io.apollo.reconciler.gitsync.ConfigRepository}, implemented on JGit by {@link
 * io.apollo.reconciler.gitsync.JGitConfigRepository} over a bare clone in the hub's data folder ({@link
 * io.apollo.reconciler.gitsync.GitSettings}).
 *
 * <ul>
 *   <li>Reading: a commit's tree as a {@link io.apollo.core.load.ConfigSource} ({@link
 *       io.apollo.reconciler.gitsync.GitCommitSource}), straight from the object database, no working tree.
 *   <li>Writing: one commit per call with the hub's identity, made from the head's tree in memory; pushes are never
 *       forced, and a push that loses a race with a person's push is re-done on the new head.
 *   <li>Approvals: who brought each plan file to the branch (first-parent history) and each {@code spec.approvals}
 *       entry, judged against role membership as the branch stood before the approving commit ({@link
 *       io.apollo.reconciler.gitsync.ApprovalEvidence}).
 *   <li>Reaching the remote: credentials from the URL or {@code --git-credentials}, ssh keys and strict known hosts
 *       ({@link io.apollo.reconciler.gitsync.GitAccess}); a remote is shown only through {@link
 *       io.apollo.reconciler.gitsync.RemoteUrl}, without its password, and a failure says what to check.
 *   <li>Faults: an unreachable remote leaves the last fetched head readable; a rewritten history is followed and
 *       reported; a missing or broken clone is moved aside and cloned again.
 * </ul>
 *
 * <p>All of it blocks: the hub calls it from worker or virtual threads, never an event loop; the repository
 * serialises its own calls.
 */
package io.apollo.reconciler.gitsync;
