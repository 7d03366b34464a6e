package io.apollo.cli.repo;

import io.apollo.cli.settings.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --repo DIR|URL}: the config repository a command reads or changes. A folder is a clone the person works in
 * (default: the repository of the current folder, or {@code repo:} of the config file); a URL is cloned once into
 * the cache and brought up to date on every use.
 */
public final class RepoOption {
  @Option(names = "--repo", paramLabel = "DIR|URL",
      description = "The config repository: a clone (default: the one holding the current folder, or repo: in"
          + " ~/.config/apollo/config.yaml) or a git URL (cloned to ~/.cache/apollo/repos/).")
  String repo;

  /** Opens the repository named, printing a progress line to {@code progress} when it must clone or fetch. */
  public ConfigRepo open(PrintWriter progress) {
    Settings settings = Settings.load();
    String named = repo != null ? repo : settings.repo().orElse(null);
    if (named == null) {
      return ConfigRepo.open(Path.of(""), true).reportingTo(progress);
    }
    if (RemoteClones.isUrl(named)) {
      return ConfigRepo.open(new RemoteClones(settings.cacheDir()).upToDate(named, progress), false)
          .reportingTo(progress);
    }
    return ConfigRepo.open(Path.of(named), repo == null).reportingTo(progress);
  }
}
