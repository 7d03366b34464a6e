package io.apollo.core.constraint;

import java.util.List;

/**
 * Judges a proposed change against every constraint that selects its entity. Contract: returns one verdict per
 * applicable constraint (satisfied or not, so explain can show them all), cheapest constraints first; never throws
 * for a well-formed change; pure.
 */
@FunctionalInterface
public interface ConstraintCheck {
  List<Verdict> evaluate(ProposedChange change, EvaluationContext context);
}
