package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @ParameterizedTest
  @CsvSource({
      "git@github.com:org/config.git, ssh://git@github.com/org/config.git",
      "host:/srv/config.git, ssh://host/srv/config.git"})
  void anScpFormRemoteIsRefusedWithTheUrlToWriteInstead(String remote, String url) {
    assertThatThrownBy(() -> new Remote(remote, TIMEOUT)).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("is in scp form").hasMessageEndingWith("write it as " + url);
  }

  @Test
  void aPasswordInTheUrlIsNeverShown() {
    Remote remote = new Remote("https://hub:t0ken-value@git.example.com/org/config.git", TIMEOUT);

    assertThat(remote.toString()).isEqualTo("https://hub@git.example.com/org/config.git").doesNotContain("t0ken");
  }

  @Test
  void aPathIsShownAsGiven() {
    assertThat(new Remote("relative/config.git", TIMEOUT).toString()).isEqualTo("relative/config.git");
    assertThat(new Remote(Path.of("/srv/config.git").toString(), TIMEOUT).toString()).isEqualTo("/srv/config.git");
  }
}
