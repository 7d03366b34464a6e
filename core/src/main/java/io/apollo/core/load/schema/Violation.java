package io.apollo.core.load.schema;

/**
 * One schema violation in Apollo's words.
 *
 * @param at the JSON Pointer of the node to show the person: the offending value, the unknown key, or (for a
 *     missing field) the mapping that lacks it
 * @param field the dotted path of what the message is about ({@code spec.rules[0].match}), empty for the document
 * @param text what is wrong, without the path
 */
record Violation(String at, String field, String text) {
  /** {@code field: text}, or the text alone for the document itself. */
  String message() {
    return field.isEmpty() ? text : field + ": " + text;
  }
}
