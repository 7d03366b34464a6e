/**
 * The spoke's journal (DESIGN.md section 6): a durable record of every plan taken, each step begun and its outcome,
 * and of what the spoke knows of each entity, so a restarted spoke neither runs a plan twice nor forgets one it
 * acknowledged.
 */
package io.apollo.spoke.journal;
