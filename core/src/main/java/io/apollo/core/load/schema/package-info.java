/**
 * The JSON Schemas of schema/ (shipped in the jar under {@code apollo/schema/}), loaded once and used to validate
 * every document, with errors mapped back from JSON Pointer to YAML line and column.
 */
package io.apollo.core.load.schema;
