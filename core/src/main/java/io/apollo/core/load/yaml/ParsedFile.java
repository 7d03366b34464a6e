package io.apollo.core.load.yaml;

import io.apollo.core.load.Problem;
import java.util.List;

/**
 * The documents of one file that parsed, and the problems of those that did not. A syntax error ends the file at
 * that point (the parser cannot resynchronise), but documents before it are kept.
 */
public record ParsedFile(String path, List<YamlDocument> documents, List<Problem> problems) {
  public ParsedFile {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }
}
