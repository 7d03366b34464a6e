package io.apollo.core.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the test vectors under {@code src/test/resources/version/}. Lines that are blank or start with {@code #} are
 * skipped; fields are comma-separated and taken verbatim (no trimming: whitespace can be part of a vector).
 */
final class Vectors {
  private Vectors() {}

  /** The non-comment lines of a resource, in file order. */
  static List<String> lines(String resource) {
    List<String> lines = new ArrayList<>();
    try (InputStream in = Vectors.class.getResourceAsStream("/version/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource version/" + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** The rows of a resource, each split into exactly {@code columns} fields; a malformed row fails the test run. */
  static List<String[]> rows(String resource, int columns) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines(resource)) {
      String[] fields = line.split(",", -1);
      if (fields.length != columns) {
        throw new IllegalStateException(
            "version/" + resource + ": expected " + columns + " fields, got " + fields.length + " in: " + line);
      }
      rows.add(fields);
    }
    return rows;
  }
}
