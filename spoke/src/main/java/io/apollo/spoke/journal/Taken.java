package io.apollo.spoke.journal;

/**
 * The answer of {@link Journal#take}: the plan's record, and whether this call took it ({@code fresh}) or the
 * journal already held that plan id (a duplicate delivery, which must not run again).
 */
public record Taken(PlanRecord record, boolean fresh) {}
