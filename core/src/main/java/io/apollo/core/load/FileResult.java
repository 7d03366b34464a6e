package io.apollo.core.load;

import java.util.List;

/**
 * What one file yields: its problems (parse, schema, values), the documents that mapped cleanly, and what is known
 * of those that did not. A pure function of the file's bytes, so it may be computed on any thread and reused while
 * the file's blob is unchanged.
 *
 * @param readCompletely false when the file, or a part of it, could not be parsed: what it defines is then unknown
 */
record FileResult(String path, List<Problem> problems, boolean readCompletely, MappedDocuments mapped,
    BrokenDocuments broken) {
  FileResult {
    problems = List.copyOf(problems);
  }
}
