/**
 * The config repository through git: finding it (a clone or a URL), reading a commit as the hub would, and making a
 * change one validated commit, pushed to its branch or proposed on a new one.
 */
package io.apollo.cli.repo;
