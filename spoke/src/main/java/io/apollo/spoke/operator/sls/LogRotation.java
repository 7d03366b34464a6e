package io.apollo.spoke.operator.sls;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the logs of one version's folder ({@code var/log/*.log}) under a size cap, with a few generations
 * ({@code x.log.1} newest .. {@code x.log.N} oldest). Copy then truncate, as logrotate's {@code copytruncate}: the
 * service keeps its open file and, appending, writes on at the new end; lines written between the copy and the
 * truncation are lost, which is the price of not needing the service's cooperation. Runs at every start and every
 * observation, so a log outgrows the cap by at most what is written between two health checks.
 */
final class LogRotation {
  private final long maxBytes;
  private final int generations;

  LogRotation(long maxBytes, int generations) {
    this.maxBytes = maxBytes;
    this.generations = generations;
  }

  /** Rotates every over-size log of {@code distRoot}; a log that cannot be rotated is left as it is (best effort). */
  void rotate(Path distRoot) {
    Path logs = distRoot.resolve("var/log");
    if (!Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(logs, "*.log")) {
      for (Path log : files) {
        if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) && Files.size(log) > maxBytes) {
          rotateOne(log);
        }
      }
    } catch (IOException e) {
      // Rotation must never fail a plan or an observation: a log over its cap is better than a service not started.
    }
  }

  private void rotateOne(Path log) throws IOException {
    String name = log.getFileName().toString();
    Files.deleteIfExists(log.resolveSibling(name + "." + generations));
    for (int g = generations - 1; g >= 1; g--) {
      Path older = log.resolveSibling(name + "." + g);
      if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(older, log.resolveSibling(name + "." + (g + 1)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(log, log.resolveSibling(name + ".1"), StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      channel.truncate(0);
    }
  }
}
