/**
 * Commit signatures, verified from git alone: the SSH signature ({@code SSHSIG}, namespace {@code git}) a commit
 * carries in its {@code gpgsig} header, checked against public keys Apollo is given (a role's members' keys from the
 * repository), never against a machine's {@code ~/.ssh} or GnuPG home. Pure computation on bytes: no threads, no I/O.
 */
package io.apollo.reconciler.signing;
