/**
 * Test fixtures shared by the hub's tests: {@link io.apollo.reconciler.testing.GitFixture}, a config repository on
 * disk (a bare "server" repository and a person's working copy) driven with the git CLI as people drive it.
 */
package io.apollo.reconciler.testing;
