package io.apollo.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/apollo validate} as a person runs it: a real process, the built jar, a real copy of sample-repo
 * broken the way people break config.
 */
class ValidateLauncherIT {
  @TempDir Path temp;

  @Test
  void theSampleRepositoryValidates() throws Exception {
    Result result = apollo("validate", ProjectFiles.sampleRepo().toString());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("sample-repo: valid (");
  }

  @Test
  void aPinnedVersionThatDoesNotExistIsReportedAtItsLine() throws Exception {
    Path repo = ProjectFiles.copySampleRepo(temp.resolve("repo"));
    Broken broken = breakFirstPinnedVersion(repo);

    Result result = apollo("validate", repo.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout()).contains(broken.path() + ":" + broken.line() + ":")
        .contains("spec.version: no release 9.9.9 of");
  }

  /** Replaces the first {@code version:} of the first pinned entity with 9.9.9; returns where. */
  private static Broken breakFirstPinnedVersion(Path repo) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(repo.resolve("entities"))) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      List<String> lines = new ArrayList<>(Files.readAllLines(file));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).matches("  version: .*")) {
          lines.set(i, "  version: 9.9.9");
          Files.write(file, lines);
          return new Broken(repo.relativize(file).toString(), i + 1);
        }
      }
    }
    throw new IllegalStateException("sample-repo has no pinned entity");
  }

  private static Result apollo(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProjectFiles.root().resolve("scripts/apollo").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private record Broken(String path, int line) {}

  private record Result(int exitCode, String stdout, String stderr) {}
}
