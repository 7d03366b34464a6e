package io.apollo.cli.hubclient;

import io.apollo.cli.settings.Settings;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --hub URL}: where live state comes from. Without it, {@code APOLLO_HUB}, then {@code hub:} in
 * {@code ~/.config/apollo/config.yaml}; with none, commands say what the repository alone can tell.
 */
public final class HubOption {
  /** What a command prints when it answers from the repository alone. */
  public static final String NO_HUB = "Live state (what runs, health, plan states) needs a hub: pass --hub URL, set"
      + " APOLLO_HUB, or put hub: URL in ~/.config/apollo/config.yaml.";

  @Option(names = "--hub", paramLabel = "URL",
      description = "The hub's URL for live state (default: APOLLO_HUB, or hub: in ~/.config/apollo/config.yaml).")
  String hub;

  public Optional<HubClient> client() {
    return Optional.ofNullable(hub).or(() -> Settings.load().hub()).map(url -> new HubClient(URI.create(url)));
  }
}
