/**
 * Reading the config repository from git: a commit's tree as a {@link io.apollo.core.load.ConfigSource}, straight
 * from the object database. All of it blocks; the hub runs it on worker threads, one repository touched by one
 * ordered worker at a time.
 */
package io.apollo.reconciler.gitsync;
