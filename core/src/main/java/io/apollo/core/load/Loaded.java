package io.apollo.core.load;

/** A record mapped from a document, kept with its reader so later checks can point at its fields. */
record Loaded<T>(T value, DocumentReader source) {}
