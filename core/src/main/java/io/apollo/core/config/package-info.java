/**
 * The config format v1 (DESIGN.md section 2) as immutable records: one record per kind, plus the identities and the
 * whole {@link io.apollo.core.config.DesiredState} of one commit. These records are only ever made by the loader from
 * validated documents, so their compact constructors check invariants, not user input.
 */
package io.apollo.core.config;
