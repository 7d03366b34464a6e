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
  void aPasswordIsCutFromEveryTextAsGivenAndAsPercentEncoded() {
    assertThat(RemoteUrl.redact("http://hub:p%40ss%2Fw0rd@host/x.git: failed for p@ss/w0rd",
        java.util.List.of("p@ss/w0rd"))).isEqualTo("http://hub@host/x.git: failed for ***");
    assertThat(RemoteUrl.redact("see https://u:other@host/x", java.util.List.of()))
        .isEqualTo("see https://u@host/x");
    assertThat(RemoteUrl.shown("https://hub:t0ken@git.example.com/org/config.git"))
        .isEqualTo("https://hub@git.example.com/org/config.git");
    assertThat(RemoteUrl.shown("https://hub:t0k en@git.example.com/%zz")).doesNotContain("t0k");
  }

  @Test
  void anOddUrlIsShownOrRefusedWithoutItsPassword() {
    for (String odd : java.util.List.of("https://hub:t0ken@git.example.com:port/x.git", "https://hub:t0ken@/x.git",
        "https://hub:t0k en@host/x.git")) {
      Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> assertThat(new Remote(odd, TIMEOUT)
          .toString()).as(odd).doesNotContain("t0k"));
      if (refused != null) {
        assertThat(refused).isInstanceOf(ReconcilerException.class).hasMessageNotContaining("t0k");
      }
    }
  }

  @Test
  void aPathIsShownAsGiven() {
    assertThat(new Remote("relative/config.git", TIMEOUT).toString()).isEqualTo("relative/config.git");
    assertThat(new Remote(Path.of("/srv/config.git").toString(), TIMEOUT).toString()).isEqualTo("/srv/config.git");
  }
}
