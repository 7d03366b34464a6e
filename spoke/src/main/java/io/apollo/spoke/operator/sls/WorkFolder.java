package io.apollo.spoke.operator.sls;

import io.apollo.core.config.EntityId;
import io.apollo.core.version.Version;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The operator's folder {@code <work>/sls/} and the only place it writes or deletes: every path it hands out or
 * removes is checked to lie inside. Layout: {@code <env>/<entity>/entity.properties} (the {@link EntityRecord}),
 * {@code <env>/<entity>/<version>/} (one unpacked distribution each), {@code <env>/<entity>/.staging-*} (unpacking
 * and downloads in progress, removed when done).
 */
final class WorkFolder {
  /** Environment and entity names become folder names: no separators, no dot-folders, nothing a shell reads. */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Path root;

  WorkFolder(Path workDir) {
    this.root = workDir.toAbsolutePath().normalize().resolve("sls");
  }

  Path root() {
    return root;
  }

  /** The folder of one entity; refuses names that are not a single safe folder name. */
  Path entity(EntityId id) {
    for (String part : new String[] {id.environment(), id.name()}) {
      if (!SAFE_NAME.matcher(part).matches()) {
        throw new SlsFailure(SlsReason.INVALID_PLAN, "entity " + id + ": '" + part
            + "' cannot be a folder name (letters, digits, '.', '_', '-'; not starting with '.')");
      }
    }
    return inside(root.resolve(id.environment()).resolve(id.name()));
  }

  Path version(EntityId id, Version version) {
    return inside(entity(id).resolve(version.toString()));
  }

  /**
   * A fresh path for a download or an unpacking in progress, in the entity's folder (the same file system as the
   * version folders, so that the final rename is atomic).
   */
  Path staging(EntityId id, String what) {
    return inside(entity(id).resolve(".staging-" + what + "-" + UUID.randomUUID()));
  }

  /** Writes {@code text} to {@code file} so that a reader (or a crash) sees the old content or the new, never half. */
  void writeAtomically(Path file, String text) {
    Path target = inside(file);
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // The temp file is named apart and swept with its folder.
      }
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not write " + target + ": " + e, e);
    }
  }

  /** Deletes a tree without following links (a link to elsewhere loses the link, never the elsewhere). */
  void deleteTree(Path tree) {
    Path target = inside(tree);
    if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(target, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not remove " + target + ": " + e, e);
    }
  }

  private Path inside(Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalStateException("refusing to touch " + p + ": outside the operator's folder " + root);
    }
    return p;
  }
}
