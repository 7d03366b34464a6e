package io.apollo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks measure a valid fleet: a generator mistake would make them measure error paths instead. */
class SyntheticFleetTest {
  @TempDir Path repo;

  @Test
  void generatesAValidFleetOfTheAskedSize() {
    int written = SyntheticFleet.write(repo, 1000, 42);

    LoadResult result = ConfigLoader.withDefaults().load(repo);

    assertThat(result.problems()).as("problems").isEmpty();
    assertThat(written).isEqualTo(1000);
    assertThat(result.state().entities()).hasSize(1000);
    assertThat(result.state().products()).hasSize(500);
    assertThat(result.state().releases().values().stream().mapToInt(java.util.List::size).sum()).isEqualTo(3000);
    assertThat(result.state().constraints()).hasSize(3);
  }

  @Test
  void theGitopsLayoutHoldsTheSameFleetOneDocumentAFileOnSpokesOfTen() throws java.io.IOException {
    int written = SyntheticFleet.write(repo, 1000, 42, SyntheticFleet.Layout.GITOPS);

    LoadResult result = ConfigLoader.withDefaults().load(repo);

    assertThat(result.problems()).as("problems").isEmpty();
    assertThat(written).isEqualTo(1000);
    assertThat(result.state().entities()).hasSize(1000);
    assertThat(result.state().releases().values().stream().mapToInt(java.util.List::size).sum()).isEqualTo(3000);
    try (var files = java.nio.file.Files.walk(repo)) {
      // 1,000 entities + 500 products + 3,000 releases + 2 environments + constraints + policies
      assertThat(files.filter(java.nio.file.Files::isRegularFile).count()).isEqualTo(4504);
    }
    assertThat(result.state().entities().values().stream().map(en -> en.spoke()).distinct().count())
        .isEqualTo(100);
  }
}
