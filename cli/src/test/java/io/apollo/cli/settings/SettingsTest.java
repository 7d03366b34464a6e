package io.apollo.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the CLI's defaults come from: flags beat the environment, which beats the config file. */
class SettingsTest {
  @TempDir Path home;

  @Test
  void readsHubAndRepoFromTheConfigFileUnderHome() throws Exception {
    Files.createDirectories(home.resolve(".config/apollo"));
    Files.writeString(home.resolve(".config/apollo/config.yaml"), "hub: http://127.0.0.1:8080\nrepo: /src/fleet\n");
    Settings settings = Settings.load(Map.of(), home);
    assertThat(settings.hub()).contains("http://127.0.0.1:8080");
    assertThat(settings.repo()).contains("/src/fleet");
    assertThat(settings.cacheDir()).isEqualTo(home.resolve(".cache/apollo/repos"));
  }

  @Test
  void theEnvironmentBeatsTheFileAndMovesTheFolders() throws Exception {
    Path config = home.resolve("xdg/apollo/config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "hub: http://file.example\n");
    Settings settings = Settings.load(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString(),
        "XDG_CACHE_HOME", home.resolve("cache").toString(), "APOLLO_HUB", "http://env.example"), home);
    assertThat(settings.hub()).contains("http://env.example");
    assertThat(settings.cacheDir()).isEqualTo(home.resolve("cache/apollo/repos"));
    assertThat(Settings.load(Map.of("APOLLO_CONFIG", config.toString()), home).hub()).contains("http://file.example");
  }

  @Test
  void noFileMeansNoDefaultsAndABrokenFileIsNamed() throws Exception {
    assertThat(Settings.load(Map.of(), home).hub()).isEmpty();
    Path config = home.resolve("broken.yaml");
    Files.writeString(config, "- just\n- a list\n");
    assertThatThrownBy(() -> Settings.load(Map.of("APOLLO_CONFIG", config.toString()), home))
        .isInstanceOf(CliException.class).hasMessageContaining(config.toString()).hasMessageContaining("hub:");
  }
}
