package io.apollo.cli.settings;

import io.apollo.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where the CLI finds its defaults: {@code ~/.config/apollo/config.yaml} ({@code hub: URL}, {@code repo: DIR|URL})
 * and the cache of cloned repositories, {@code ~/.cache/apollo/repos/}. The XDG variables move both, as they do for
 * git; {@code APOLLO_CONFIG} names the file itself. Flags beat the environment, which beats the file.
 */
public record Settings(Optional<String> hub, Optional<String> repo, Path cacheDir) {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** The settings of this process: its environment and home folder. */
  public static Settings load() {
    return load(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public static Settings load(Map<String, String> env, Path home) {
    Path configDir = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(home.resolve(".config"));
    Path file = Optional.ofNullable(env.get("APOLLO_CONFIG")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(configDir.resolve("apollo").resolve("config.yaml"));
    Path cacheDir = Optional.ofNullable(env.get("XDG_CACHE_HOME")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(home.resolve(".cache")).resolve("apollo").resolve("repos");
    JsonNode config = read(file);
    Optional<String> hub = Optional.ofNullable(env.get("APOLLO_HUB")).filter(s -> !s.isBlank())
        .or(() -> text(config, "hub"));
    return new Settings(hub, text(config, "repo"), cacheDir);
  }

  private static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      return YAML.createObjectNode();
    }
    try {
      JsonNode node = YAML.readTree(Files.readString(file));
      if (node == null || !node.isObject()) {
        throw new CliException(file + ": expected a map with hub: and repo:, e.g. 'hub: http://127.0.0.1:8080'");
      }
      return node;
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (tools.jackson.core.JacksonException e) {
      throw new CliException(file + ": not YAML (" + e.getOriginalMessage()
          + "); fix it or remove it, it holds only hub: and repo:", e);
    }
  }

  private static Optional<String> text(JsonNode config, String field) {
    JsonNode value = config.get(field);
    return value != null && value.isString() && !value.asString().isBlank()
        ? Optional.of(value.asString().strip()) : Optional.empty();
  }
}
