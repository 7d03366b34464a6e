/** Health-gated rollout end to end (issue 16): promotion bakes with a real hub, real spokes and real services. */
package io.apollo.cli.rollout;
