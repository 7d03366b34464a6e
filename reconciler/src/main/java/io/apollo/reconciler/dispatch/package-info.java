/**
 * Handing approved plans to spokes (DESIGN.md section 5): which plans go now (approved, in git, re-checked against
 * constraints by the pass that chose them, at most one in flight per entity), pushed to spokes with a url
 * ({@code POST {url}/v1/plans}, retries with exponential backoff and jitter) or held for spokes that poll
 * ({@code GET /v1/spokes/{spoke}/plans?wait=30s}).
 */
package io.apollo.reconciler.dispatch;
