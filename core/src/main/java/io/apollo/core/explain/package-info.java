/**
 * Explain: for any entity, what desired state asks, what runs, the target and why, the releases passed over, the
 * plan or why there is none, every constraint's verdict, the approvals still missing and when it could next proceed;
 * as a record ({@link io.apollo.core.explain.Explanation}) for the API and as plain text ({@link
 * io.apollo.core.explain.ExplanationText}) for people. An entity nobody knows is explained too, with similar ids.
 */
package io.apollo.core.explain;
