package io.apollo.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpokeTokensTest {
  @TempDir Path temp;

  @Test
  void readsOneTokenPerSpokeSkippingCommentsAndBlankLines() throws Exception {
    Path file = Files.writeString(temp.resolve("tokens"),
        "# spokes\n\nstaging-spoke s3cret-a\n  prod-spoke   s3cret-b  \n");
    SpokeTokens tokens = SpokeTokens.read(file);
    assertThat(tokens.spokeOf("s3cret-a")).contains("staging-spoke");
    assertThat(tokens.spokeOf("s3cret-b")).contains("prod-spoke");
    assertThat(tokens.spokeOf("s3cret")).isEmpty();
    assertThat(tokens.tokenOf("prod-spoke")).contains("s3cret-b");
    assertThat(tokens.toString()).contains("staging-spoke").doesNotContain("s3cret");
  }

  @Test
  void aMalformedLineIsNamedWithoutPrintingItsToken() throws Exception {
    Path file = Files.writeString(temp.resolve("tokens"), "staging-spoke s3cret-a extra\n");
    assertThatThrownBy(() -> SpokeTokens.read(file)).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("tokens:1:").hasMessageNotContaining("s3cret");
    Path twice = Files.writeString(temp.resolve("twice"), "a t1\na t2\n");
    assertThatThrownBy(() -> SpokeTokens.read(twice)).hasMessageContaining("twice:2:").hasMessageNotContaining("t2");
    assertThatThrownBy(() -> SpokeTokens.read(temp.resolve("absent"))).hasMessageContaining("--spoke-tokens");
  }

  @Test
  void waitDurationsAreParsedAndCapped() {
    assertThat(HubApi.duration("30s")).hasSeconds(30);
    assertThat(HubApi.duration("500ms")).hasMillis(500);
    assertThat(HubApi.duration("PT2S")).hasSeconds(2);
    assertThat(HubApi.duration("10m")).isEqualTo(HubApi.MAX_WAIT);
    assertThatThrownBy(() -> HubApi.duration("soon")).hasMessageContaining("wait=soon");
    assertThatThrownBy(() -> HubApi.duration("-5s")).hasMessageContaining("wait=-5s");
  }
}
