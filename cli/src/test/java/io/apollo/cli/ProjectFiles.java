package io.apollo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The project's own files (sample-repo/, scripts/) as tests find them, and copies to break safely. */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The repository root: the folder above the cli module, where Maven runs its tests. */
  public static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("sample-repo")) ? here : here.getParent();
  }

  public static Path sampleRepo() {
    return root().resolve("sample-repo");
  }

  /** What the sample fleet's spokes report on the night of Friday 2026-12-04 (docs/examples/). */
  public static Path sampleReportedState() {
    return root().resolve("docs/examples/sample-reported-state.json");
  }

  /** Copies sample-repo/ into {@code target} so a test can break it. */
  public static Path copySampleRepo(Path target) {
    Path source = sampleRepo();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
