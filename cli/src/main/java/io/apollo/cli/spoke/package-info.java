/** {@code apollo spoke}: the spoke agent launcher (the agent itself is the spoke module). */
package io.apollo.cli.spoke;
