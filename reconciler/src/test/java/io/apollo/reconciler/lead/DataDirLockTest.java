package io.apollo.reconciler.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One hub per data folder: the lock is refused while held and free once released. */
class DataDirLockTest {
  @TempDir Path temp;

  @Test
  void aSecondHubOnTheSameFolderIsRefusedUntilTheFirstStops() {
    DataDirLock first = DataDirLock.take(temp);
    assertThatThrownBy(() -> DataDirLock.take(temp))
        .isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("another hub is using --data-dir " + temp)
        .hasMessageContaining("--db");
    first.close();
    try (DataDirLock again = DataDirLock.take(temp)) {
      assertThat(temp.resolve("hub.lock")).exists();
    }
  }
}
