/**
 * Hardened YAML reading on Jackson 3 (snakeyaml-engine underneath): no custom tags, no duplicate keys, capped
 * aliases, depth and size, every failure a positioned {@link io.apollo.core.load.Problem}.
 */
package io.apollo.core.load.yaml;
