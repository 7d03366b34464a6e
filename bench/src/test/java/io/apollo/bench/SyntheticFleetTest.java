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
}
