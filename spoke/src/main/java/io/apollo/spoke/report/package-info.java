/**
 * Reporting to the hub (DESIGN.md section 5): the full state of this spoke's entities on every change and every
 * interval, latest state only, with backoff while the hub is away.
 */
package io.apollo.spoke.report;
