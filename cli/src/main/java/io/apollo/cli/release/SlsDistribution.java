package io.apollo.cli.release;

import io.apollo.cli.CliException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An SLS distribution ({@code <product>-<version>.sls.tgz}): its {@code deployment/manifest.yml} (at the top of the
 * archive or one folder down, as sls-packaging lays it out) and the SHA-256 of the whole file, computed in the
 * same read. A small ustar/GNU/pax tar reader: the JDK has none, and a distribution needs only this.
 */
record SlsDistribution(String manifestPath, String manifestText, String sha256) {
  private static final int BLOCK = 512;
  private static final long MAX_MANIFEST_BYTES = 1024 * 1024;

  static SlsDistribution read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(file + ": no such file; give the path of an SLS distribution (.tgz)");
    }
    MessageDigest digest = newDigest();
    Optional<String[]> manifest;
    try (DigestInputStream hashing = new DigestInputStream(Files.newInputStream(file), digest);
        InputStream tar = new BufferedInputStream(new GZIPInputStream(hashing))) {
      manifest = findManifest(tar);
      tar.transferTo(java.io.OutputStream.nullOutputStream());
      hashing.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new CliException(file + ": not a gzip-compressed tar archive (" + e.getMessage()
          + "); give an SLS distribution made by sls-packaging", e);
    }
    String[] found = manifest.orElseThrow(() -> new CliException(file
        + ": has no deployment/manifest.yml; an SLS distribution holds one (product-group, product-name,"
        + " product-version)"));
    return new SlsDistribution(found[0], found[1], HexFormat.of().formatHex(digest.digest()));
  }

  private static Optional<String[]> findManifest(InputStream tar) throws IOException {
    String longName = null;
    while (true) {
      byte[] header = tar.readNBytes(BLOCK);
      if (header.length < BLOCK || isZero(header)) {
        return Optional.empty();
      }
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      String name = longName != null ? longName : name(header);
      longName = null;
      byte[] data = null;
      if (type == 'L' || type == 'x' || isManifest(name) && size <= MAX_MANIFEST_BYTES) {
        data = tar.readNBytes((int) size);
        tar.skipNBytes(padding(size));
      } else {
        tar.skipNBytes(size + padding(size));
      }
      if (type == 'L') {
        longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
      } else if (type == 'x') {
        longName = paxPath(new String(data, StandardCharsets.UTF_8));
      } else if (data != null && (type == '0' || type == '\0')) {
        return Optional.of(new String[] {name, new String(data, StandardCharsets.UTF_8)});
      }
    }
  }

  private static boolean isManifest(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name;
    return path.equals("deployment/manifest.yml") || path.matches("[^/]+/deployment/manifest\\.yml");
  }

  private static String name(byte[] header) {
    String name = text(header, 0, 100);
    String prefix = text(header, 345, 155);
    boolean ustar = text(header, 257, 6).startsWith("ustar");
    return ustar && !prefix.isEmpty() ? prefix + "/" + name : name;
  }

  private static String paxPath(String records) {
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 6);
      }
    }
    return null;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) {
    String digits = text(header, offset, length).strip();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
