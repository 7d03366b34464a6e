/**
 * Forecast: when each waiting plan could land. For the next days of every environment, the maintenance windows and
 * freezes as bands ({@link io.apollo.core.forecast.Band}), and for each blocked or pending plan the earliest instant
 * at which it could proceed (windows, freezes and dependency order together) or why it never can under today's
 * config ({@link io.apollo.core.forecast.Landing}). Pure: the caller passes the instant; no clock, no I/O.
 */
package io.apollo.core.forecast;
