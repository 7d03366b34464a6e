/** {@code apollo diff}: what merging a change to the config repository would do to the fleet's plans. */
package io.apollo.cli.diff;
