package io.apollo.spoke.operator.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan's {@code config} as a helm values file (JSON, which is YAML), readable by this user only since values may
 * hold secrets, and deleted when closed: it exists only while helm runs.
 */
final class ValuesFile implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path path;

  private ValuesFile(Path path) {
    this.path = path;
  }

  /** Writes {@code values} in {@code dir}; throws {@link UncheckedIOException} when it cannot. */
  static ValuesFile write(Path dir, Map<String, Object> values) {
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "values-", ".yaml",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, JSON.writeValueAsBytes(values));
      return new ValuesFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write helm values in " + dir, e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete helm values file " + path, e);
    }
  }
}
