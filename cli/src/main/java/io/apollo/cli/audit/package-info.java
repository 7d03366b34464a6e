/** {@code apollo audit}: the audit records of every plan of a period, from the hub, as JSON lines or a table. */
package io.apollo.cli.audit;
