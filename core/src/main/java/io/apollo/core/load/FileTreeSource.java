package io.apollo.core.load;

import io.apollo.core.ApolloException;
import io.apollo.core.config.Origin;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A config repository on disk. Hidden folders and files ({@code .git}, {@code .github}, ...) are skipped. Symbolic
 * links are never followed: a link, to a file or a folder, inside or outside the repository, is refused, because a
 * repository's meaning must not depend on what else is on the machine that reads it.
 */
public final class FileTreeSource implements ConfigSource {
  private final Path root;
  private final long maxFileBytes;

  public FileTreeSource(Path root, long maxFileBytes) {
    this.root = root.toAbsolutePath().normalize();
    this.maxFileBytes = maxFileBytes;
  }

  public Path root() {
    return root;
  }

  @Override
  public Listing list() {
    if (!Files.isDirectory(root)) {
      throw new ApolloException(root + " is not a folder; give the path of a config repository");
    }
    List<Entry> files = new ArrayList<>();
    List<Problem> refused = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          boolean linkedFolder = attrs.isSymbolicLink() && Files.isDirectory(file);
          if (isHidden(file) || !(isYaml(file) || linkedFolder)) {
            return FileVisitResult.CONTINUE;
          }
          String path = relative(file);
          if (attrs.isSymbolicLink()) {
            refused.add(refusal(path, "symbolic link to " + linkTarget(file)
                + " refused: links are never followed; copy the file into the repository instead"));
          } else if (!attrs.isRegularFile()) {
            refused.add(refusal(path, "not a regular file"));
          } else if (attrs.size() > maxFileBytes) {
            refused.add(refusal(path, "file is " + attrs.size() + " bytes; the limit is " + maxFileBytes
                + " bytes per file: split it into smaller files"));
          } else {
            files.add(new Entry(path, attrs.size(), attrs.size() + "@" + attrs.lastModifiedTime().toMillis()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          refused.add(new Problem(Origin.of(relative(file)), ProblemReason.UNREADABLE, "cannot read: " + e.getMessage()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ApolloException("cannot list " + root + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(Entry::path));
    return new Listing(files, refused);
  }

  @Override
  public byte[] read(Entry entry) {
    Path file = root.resolve(entry.path()).normalize();
    if (!file.startsWith(root)) {
      throw new ApolloException(entry.path() + " leaves the repository root; refused");
    }
    try {
      if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new ApolloException(entry.path() + " is no longer a regular file; refused");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ApolloException("cannot read " + entry.path() + ": " + e.getMessage(), e);
    }
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "(unreadable target)";
    }
  }

  private static Problem refusal(String path, String message) {
    return new Problem(Origin.of(path), ProblemReason.REFUSED, message);
  }
}
