/** Approval routing: which roles must approve a plan, and whether the approvals given meet them. */
package io.apollo.core.approval;
