package io.apollo.spoke.operator.helm;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the real helm binaries are for the ITs: {@code -Dapollo.helm4=PATH} / {@code -Dapollo.helm3=PATH}, else the
 * path {@code scripts/fetch-helm} wrote into the file Failsafe names ({@code apollo.helm4.pathFile},
 * {@code apollo.helm3.pathFile}; the spoke's pom runs the script in pre-integration-test). A test that needs helm and
 * finds none fails and says how to get it: it never skips.
 */
final class HelmBinaries {
  private HelmBinaries() {}

  static Path helm4() {
    return find("apollo.helm4", "4.1");
  }

  static Path helm3() {
    return find("apollo.helm3", "3.17");
  }

  private static Path find(String property, String version) {
    String direct = System.getProperty(property);
    if (direct != null && !direct.isBlank()) {
      return executable(Path.of(direct), property);
    }
    String pathFile = System.getProperty(property + ".pathFile");
    if (pathFile == null) {
      return fail("no helm " + version + " for this test: run it with `mvn verify` (the spoke's pom runs "
          + "scripts/fetch-helm before the ITs) or give -D" + property + "=/path/to/helm");
    }
    try {
      List<String> lines = Files.readAllLines(Path.of(pathFile)).stream().map(String::strip)
          .filter(l -> l.startsWith("/")).toList();
      if (lines.isEmpty()) {
        return fail(pathFile + " names no helm binary: scripts/fetch-helm failed; run it by hand to see why");
      }
      return executable(Path.of(lines.getLast()), property);
    } catch (IOException e) {
      return fail("cannot read " + pathFile + " (written by scripts/fetch-helm in pre-integration-test): " + e
          + "; run `mvn verify`, or give -D" + property + "=/path/to/helm");
    }
  }

  private static Path executable(Path helm, String property) {
    if (!Files.isExecutable(helm)) {
      return fail(helm + " (" + property + ") is not an executable helm binary; run scripts/fetch-helm");
    }
    return helm;
  }
}
