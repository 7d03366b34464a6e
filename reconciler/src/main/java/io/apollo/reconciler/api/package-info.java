/**
 * The hub's HTTP API (DESIGN.md section 5) on Vert.x web: spoke reports in, plans out by long poll, and the read
 * API. One line per route in {@link io.apollo.reconciler.api.HubApi}; errors mapped to {@code {"error",
 * "message"}} and a status in one place. Handlers read the loop's published snapshot and enqueue triggers; they
 * never change plan state, and their blocking work (validating and storing a report) runs off the event loop.
 */
package io.apollo.reconciler.api;
