/**
 * What this spoke knows of its entities (version, state, health, last plan), owned by one writer,
 * {@link io.apollo.spoke.state.EntityBook}, journaled before it is reported.
 */
package io.apollo.spoke.state;
