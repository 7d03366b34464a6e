/** {@code apollo hub}: runs the hub (module reconciler) against a config repository until stopped. */
package io.apollo.cli.hub;
