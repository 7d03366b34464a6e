package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One YAML document of a file, as a JSON tree (aliases already expanded) plus the position of every node, so that
 * schema errors (which speak JSON Pointer) can be reported at the YAML line and column.
 *
 * @param index 0-based position of the document in its file
 * @param start where the document begins
 */
public record YamlDocument(String path, int index, Origin start, JsonNode root, Positions positions) {
  public YamlDocument {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(positions, "positions");
  }

  /** The position of the node at {@code jsonPointer}, or of its nearest ancestor that has one. */
  public Origin at(String jsonPointer) {
    return positions.at(jsonPointer).orElse(start);
  }
}
