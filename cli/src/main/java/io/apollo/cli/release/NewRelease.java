package io.apollo.cli.release;

import io.apollo.cli.CliException;
import io.apollo.cli.edit.NewDocument;
import io.apollo.cli.product.Products;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.core.version.Channel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A new Release document, appended to the file that holds the product's releases (or {@code releases/NAME.yaml}):
 * what {@code release create} and {@code release publish} both commit.
 */
record NewRelease(ReleaseId id, List<Channel> channels, Optional<String> artifactUri, Optional<String> sha256,
    Optional<JsonNode> manifest, String how) {

  /** The change, refused when the product is unknown or the release exists already. */
  Change change(ConfigRepo.Snapshot head) {
    Products.require(head.state(), id.product());
    head.state().release(id.product(), id.version()).ifPresent(existing -> {
      throw new CliException("release " + id + " already exists (" + existing.origin() + "); to move it between"
          + " channels use apollo release promote " + id + " --channel C");
    });
    channels.forEach(c -> Releases.requireAccepts(c, id.version()));
    NewDocument document = NewDocument.of("Release", id.product().artifact() + "-" + id.version());
    document.spec().put("product", id.product().toString());
    document.spec().put("version", id.version().toString());
    if (!channels.isEmpty()) {
      var list = document.spec().putArray("channels");
      channels.forEach(c -> list.add(c.wireName()));
    }
    artifactUri.ifPresent(uri -> {
      var artifact = document.spec().putObject("artifact");
      artifact.put("uri", uri);
      sha256.ifPresent(sha -> artifact.put("sha256", sha));
    });
    manifest.ifPresent(m -> document.spec().set("manifest", m));
    String path = Releases.fileFor(head.state(), id.product());
    String comment = "Added with apollo release " + how + ".";
    String text = head.text(path).map(existing -> document.appendedTo(existing, comment))
        .orElseGet(() -> document.asNewFile(comment));
    String message = "Add release " + id + (channels.isEmpty() ? "" : " on " + channels.stream()
        .map(Channel::wireName).reduce((a, b) -> a + ", " + b).orElseThrow()) + "\n\nMade with apollo release "
        + how + ".";
    return Change.write(message, Map.of(path, text), "add-release-" + id.product().artifact() + "-" + id.version());
  }
}
