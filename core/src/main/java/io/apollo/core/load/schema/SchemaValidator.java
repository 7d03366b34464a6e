package io.apollo.core.load.schema;

import io.apollo.core.config.Kind;
import io.apollo.core.load.Problem;
import io.apollo.core.load.yaml.YamlDocument;
import java.util.List;
import java.util.Optional;

/** Validates documents against the bundled JSON Schemas. Thread-safe; load once and share. */
public final class SchemaValidator {

  /** Loads every schema from the classpath ({@code apollo/schema/}). */
  public static SchemaValidator bundled() {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Checks the envelope ({@code apiVersion: apollo/v1}, a known {@code kind}) and then the document against its
   * kind's schema. Every problem is positioned at the YAML node the schema error points at.
   */
  public Result validate(YamlDocument document) {
    throw new UnsupportedOperationException("being written");
  }

  /** The kind (when the envelope named a known one) and the problems found; no problems means valid. */
  public record Result(Optional<Kind> kind, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return kind.isPresent() && problems.isEmpty();
    }
  }
}
