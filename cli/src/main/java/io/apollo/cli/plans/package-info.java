/**
 * {@code apollo plan list|get|approve|cancel|create}: plans as git holds them (files on main, proposals on
 * {@code apollo/plan/<id>} branches) and as the hub reports them; approval by merge, as DESIGN.md section 4 says.
 */
package io.apollo.cli.plans;
