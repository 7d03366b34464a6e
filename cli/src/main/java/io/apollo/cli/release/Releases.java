package io.apollo.cli.release;

import io.apollo.cli.CliException;
import io.apollo.cli.edit.DocumentText;
import io.apollo.cli.product.Products;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** What the release commands share: parsing what a person typed, finding a release and its document's text. */
final class Releases {
  private Releases() {}

  static ReleaseId parseId(CommandLine.Model.CommandSpec spec, String text) {
    return ReleaseId.tryParse(text).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "'" + text + "' is not a release id; write it as group:artifact:version, e.g."
            + " com.example:catalog-service:2.1.0 (apollo release list PRODUCT shows them)"));
  }

  static Version parseVersion(CommandLine.Model.CommandSpec spec, String text) {
    return Version.tryParse(text).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "--version '" + text + "' is not an SLS version; use X.Y.Z (stable), X.Y.Z-rcN (beta) or X.Y.Z-N-gHASH"
            + " (dev)"));
  }

  static Channel parseChannel(CommandLine.Model.CommandSpec spec, String text) {
    return Channel.fromWireName(text).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "--channel '" + text + "' is not a channel; use one of " + Arrays.stream(Channel.values())
            .map(Channel::wireName).collect(Collectors.joining(", "))));
  }

  /** Refuses a channel the version may not join (only X.Y.Z may be on stable). */
  static void requireAccepts(Channel channel, Version version) {
    if (!channel.accepts(version)) {
      throw new CliException(version + " cannot be on " + channel + ": only release versions (X.Y.Z) may; put it on "
          + version.defaultChannel() + ", or publish a release version");
    }
  }

  static Release require(DesiredState state, ReleaseId id) {
    Products.require(state, id.product());
    return state.release(id.product(), id.version()).orElseThrow(() -> new CliException("no release " + id
        + " in the repository (it has " + state.releasesOf(id.product()).stream().map(r -> r.version().toString())
            .collect(Collectors.joining(", ")) + "); see apollo release list " + id.product()));
  }

  /** The editable text of the document that defines {@code release}. */
  static DocumentText document(ConfigRepo.Snapshot head, Release release) {
    String path = release.origin().path();
    String text = head.text(path).orElseThrow(() -> new CliException(path + " is not in the head commit"));
    return DocumentText.find(path, text, tree -> "Release".equals(tree.path("kind").asString())
            && release.product().toString().equals(tree.path("spec").path("product").asString())
            && Version.tryParse(tree.path("spec").path("version").asString())
                .filter(v -> v.compareTo(release.version()) == 0).isPresent())
        .orElseThrow(() -> new CliException(release.origin() + ": cannot find release " + ReleaseId.of(release)
            + " in the file's text; edit it by hand"));
  }

  /** The file new releases of {@code product} go to: where its releases already are, else releases/NAME.yaml. */
  static String fileFor(DesiredState state, ProductId product) {
    List<Release> existing = state.releasesOf(product);
    return existing.isEmpty() ? "releases/" + product.artifact() + ".yaml" : existing.get(0).origin().path();
  }
}
