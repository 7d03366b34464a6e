/**
 * The JSON Schemas of schema/ (shipped in the jar under {@code apollo/schema/}), read once, each compiled when first
 * needed, and used to validate every document, with errors mapped back from JSON Pointer to YAML line and column.
 *
 * <p>Messages are written for the person who wrote the YAML: the field in dotted form ({@code spec.rules[0].match}),
 * what is wrong and what would be right ({@code unknown field 'replicas' in spec (allowed: ...)},
 * {@code spec.state: 'gone' is not one of present, absent}). A failed {@code oneOf} is one message, not one per
 * branch. Wire documents (spoke reports) are validated against the same bundled schemas through
 * {@link io.apollo.core.load.schema.SchemaValidator#validateWire}.
 */
package io.apollo.core.load.schema;
