package io.apollo.spoke.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.spoke.SpokeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {
  private final BearerToken token = BearerToken.of("abc123");

  @Test
  void admitsItsOwnBearerHeader() {
    assertThat(token.admits("Bearer abc123")).isTrue();
    assertThat(token.admits("bearer abc123")).as("the scheme is case-insensitive").isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Bearer abc12", "Bearer abc1234", "Basic abc123", "abc123", "Bearer ", "Bearer ABC123"})
  void refusesAnythingElse(String header) {
    assertThat(token.admits(header)).isFalse();
  }

  @Test
  void neverPrintsTheToken() {
    assertThat(token.toString()).doesNotContain("abc123");
  }

  @Test
  void readsTheFirstLineOfTheFileTrimmed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "  s3cret \nignored\n");
    assertThat(BearerToken.read(file).admits("Bearer s3cret")).isTrue();
  }

  @Test
  void anEmptyOrMissingFileSaysWhatToDo(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> BearerToken.read(empty)).isInstanceOf(SpokeException.class)
        .hasMessageContaining("--token-file").hasMessageContaining("is empty");
    assertThatThrownBy(() -> BearerToken.read(dir.resolve("missing"))).isInstanceOf(SpokeException.class)
        .hasMessageContaining("--token-file").hasMessageContaining("--spoke-tokens");
  }
}
