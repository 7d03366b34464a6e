/**
 * The hub-spoke wire records that are not reports: the plan a hub hands to a spoke (DESIGN.md section 5), its JSON
 * form both ways, and the error body every Apollo HTTP endpoint answers with. Reports live in
 * {@link io.apollo.core.report}.
 */
package io.apollo.core.wire;
