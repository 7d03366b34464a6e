/** Reported state: what spokes say runs. Also the hub-spoke wire records for reports (schema in schema/). */
package io.apollo.core.report;
