/** End-to-end guarantees that span loading and planning: broken config never uninstalls or downgrades. */
package io.apollo.core.safety;
