/**
 * {@code apollo release}: releases in the config repository, by hand or published from an SLS distribution, promoted
 * between channels and recalled, each one validated commit.
 */
package io.apollo.cli.release;
