/**
 * Hardened YAML reading on Jackson 3 (snakeyaml-engine underneath): no custom tags, no duplicate keys, capped
 * aliases, depth and size, every failure a positioned {@link io.apollo.core.load.Problem}.
 *
 * <p>What {@link io.apollo.core.load.yaml.SafeYaml} refuses, and with which reason:
 * <ul>
 *   <li>{@code REFUSED}: a file over {@code maxFileBytes}, before it is parsed.
 *   <li>{@code UNREADABLE}: bytes that are not UTF-8 text.
 *   <li>{@code YAML_SYNTAX}: malformed YAML, tab indentation, an alias to no anchor, a tagged value that is not of its
 *       tag's type. The rest of the file cannot be read past a syntax error; documents before it are kept.
 *   <li>{@code UNSAFE_YAML}: a tag outside the YAML 1.2 core schema, a duplicate key, a key that is not a scalar, a
 *       merge key ({@code <<}), more alias uses than {@code maxAliases} or an expansion past
 *       100,000 nodes.
 *   <li>{@code LIMIT_EXCEEDED}: nesting deeper than {@code maxDepth} (aliases included), more documents than
 *       {@code maxDocuments}.
 * </ul>
 * A document with any problem is left out of the result; the file's other documents are still returned. The JSON
 * tree is built without recursion, so hostile nesting costs a problem, never a stack overflow.
 */
package io.apollo.core.load.yaml;
