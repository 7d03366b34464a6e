/** {@code apollo plan}: offline planning of a config repository at an instant, as table or JSON. */
package io.apollo.cli.plan;
