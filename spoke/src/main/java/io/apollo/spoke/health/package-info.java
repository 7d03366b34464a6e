/** Health polling (DESIGN.md section 6): every entity observed on an interval, RUNNING and DEGRADED kept true. */
package io.apollo.spoke.health;
