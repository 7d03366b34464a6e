/** The spoke's side of the hub's API (DESIGN.md section 5): reports out, plans in by long poll. */
package io.apollo.spoke.hub;
