/** {@code apollo explain}: one entity's plan, or lack of one, in words. */
package io.apollo.cli.explain;
