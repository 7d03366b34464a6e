/**
 * The {@code helm} operator (DESIGN.md section 6): runs the helm CLI for products of type {@code helm-chart}.
 *
 * <p>The story of a plan: derive the release name from the entity ({@link ReleaseName}); write the plan's
 * {@code config} as a values file; pre-flight with {@code helm template} so a chart that does not render fails the
 * plan before anything changes; then install, upgrade (also for a config update), roll back to the revision that ran
 * the target version, or uninstall, each with {@code --wait} and {@code --timeout}. Every helm run goes through one
 * seam ({@link CommandRunner}), with its own HELM_* homes under the spoke's work folder, a time limit, and secrets
 * redacted ({@link Redactor}) from every log line and message.
 *
 * <p>Which Apollo version a release runs is written into the release itself, as the revision's description
 * ({@link RevisionNote}), so the cluster, not a file on this host, is the truth that {@code observe} reads.
 */
package io.apollo.spoke.operator.helm;
