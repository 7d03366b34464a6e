package io.apollo.spoke.operator.sls;

import io.apollo.core.config.EntityId;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessage.WireArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The unpacked versions of each entity, one folder each. A version's folder appears whole or not at all: the
 * artifact is fetched and verified, unpacked into a staging folder, and only then renamed into place. A folder kept
 * from an earlier run is reused when it came from the same artifact (same sha256), so a rollback downloads nothing.
 */
final class Distributions {
  /** Beside the unpacked files, the sha256 of the artifact they came from. */
  static final String ARTIFACT_MARK = ".apollo-artifact-sha256";

  private final WorkFolder work;
  private final ArtifactFetcher fetcher;
  private final TarGzUnpacker unpacker;

  Distributions(WorkFolder work, SlsLimits limits) {
    this.work = work;
    this.fetcher = new ArtifactFetcher(limits.fetchTimeout(), limits.maxArchiveBytes());
    this.unpacker = new TarGzUnpacker(limits.maxUnpackedBytes(), limits.maxEntries());
  }

  /**
   * The folder of the plan's target version, unpacked from the plan's artifact. {@code running} is the version
   * running now: its folder is never replaced under it.
   */
  Path prepare(PlanMessage plan, Version target, Optional<Version> running) {
    EntityId id = plan.entity();
    WireArtifact artifact = plan.artifact().orElseThrow(
        () -> new SlsFailure(SlsReason.INVALID_PLAN, "plan " + plan.id() + " has no artifact to install"));
    String sha = artifact.sha256().map(ArtifactFetcher::normalized).orElseThrow(
        () -> new SlsFailure(SlsReason.INVALID_PLAN, "plan " + plan.id() + ": the artifact " + artifact.uri()
            + " has no sha256; the sls operator unpacks nothing it cannot verify"));
    Path dist = work.version(id, target);
    if (Files.isDirectory(dist, LinkOption.NOFOLLOW_LINKS)) {
      if (sha.equals(mark(dist))) {
        return dist;
      }
      if (running.filter(target::equals).isPresent()) {
        throw new SlsFailure(SlsReason.INVALID_PLAN, "version " + target + " runs from another artifact than "
            + artifact.uri() + " (sha256 differs); uninstall it first or publish the release under a new version");
      }
      work.deleteTree(dist);
    }
    sweepStaging(id);
    Path download = work.staging(id, "download");
    Path staging = work.staging(id, "unpack");
    try {
      Files.createDirectories(download.getParent());
      fetcher.fetch(artifact.uri(), sha, download);
      unpacker.unpack(download, staging);
      work.writeAtomically(staging.resolve(ARTIFACT_MARK), sha + "\n");
      Files.move(staging, dist, StandardCopyOption.ATOMIC_MOVE);
      return dist;
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not move the unpacked " + target + " into " + dist + ": " + e,
          e);
    } finally {
      work.deleteTree(download);
      work.deleteTree(staging);
    }
  }

  /** The version folders of an entity that exist on disk. */
  List<Version> onDisk(EntityId id) {
    Path entity = work.entity(id);
    List<Version> versions = new ArrayList<>();
    if (!Files.isDirectory(entity)) {
      return versions;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(entity)) {
      for (Path child : children) {
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          Version.tryParse(child.getFileName().toString()).ifPresent(versions::add);
        }
      }
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not list " + entity + ": " + e, e);
    }
    return versions;
  }

  /** Removes the version folders of {@code id} not named in {@code keep}; their services must be stopped. */
  void prune(EntityId id, Set<String> keep, ServiceControl control) {
    for (Version v : onDisk(id)) {
      if (!keep.contains(v.toString())) {
        Path dist = work.version(id, v);
        if (control.isRunning(dist)) {
          control.stopQuietly(dist);
        }
        work.deleteTree(dist);
      }
    }
  }

  private static String mark(Path dist) {
    try {
      return Files.readString(dist.resolve(ARTIFACT_MARK), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** Leftovers of a spoke that died while unpacking: one plan per entity runs at a time, so none is in use. */
  private void sweepStaging(EntityId id) {
    Path entity = work.entity(id);
    if (!Files.isDirectory(entity)) {
      return;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(entity, ".staging-*")) {
      for (Path child : children) {
        work.deleteTree(child);
      }
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not list " + entity + ": " + e, e);
    }
  }
}
