/**
 * {@code apollo forecast}: when each waiting plan could land, and each environment's maintenance windows and freezes
 * for the next days; from the hub's {@code GET /v1/forecast}, or without a hub the windows and freezes the repository
 * defines.
 */
package io.apollo.cli.forecast;
