package io.apollo.spoke.operator.sls;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an SLS distribution (a tar.gz with one top folder) into a fresh folder, refusing anything that could reach
 * outside it. The top folder is stripped: {@code catalog-1.2.0/service/bin/init.sh} lands at
 * {@code <target>/service/bin/init.sh}.
 *
 * <p>Refused: entries with {@code ..} or an absolute path; symbolic links whose target is absolute or resolves
 * outside the folder; hard links to anything but a regular file unpacked before; entries written through a link;
 * devices and fifos; more than one top folder. Limits: the entry count and the bytes of all entries together; an
 * entry whose header claims more than the bytes left fails before any of it is read, so a bomb claiming 10 GB fails
 * at once, and the decompressed stream as a whole is capped too. Permissions keep only the owner's execute bit
 * (files become 0755 or 0644; never setuid).
 */
final class TarGzUnpacker {
  private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

  private final long maxBytes;
  private final int maxEntries;

  TarGzUnpacker(long maxBytes, int maxEntries) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  /** Unpacks {@code archive} into {@code target}, which must not exist yet. Returns the top folder's name. */
  String unpack(Path archive, Path target) {
    Path root = target.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root.getParent());
      Files.createDirectory(root);
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not create " + root + ": " + e, e);
    }
    // Headers and padding take 512-byte blocks beside the content: allow for them in the stream cap.
    long streamCap = maxBytes + (long) maxEntries * 1024 + (1L << 20);
    try (InputStream file = Files.newInputStream(archive);
        InputStream gunzip = new GZIPInputStream(new BufferedInputStream(file), 64 * 1024);
        InputStream capped = new CappedStream(gunzip, streamCap);
        TarArchiveInputStream tar = new TarArchiveInputStream(capped)) {
      return new Run(root, tar).all();
    } catch (ZipException | EOFException e) {
      throw new SlsFailure(SlsReason.ARCHIVE_CORRUPT, archive.getFileName() + " is not a complete tar.gz: " + e, e);
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.ARCHIVE_CORRUPT, "could not read " + archive.getFileName() + ": " + e, e);
    }
  }

  /** One unpacking: the budget left and the top folder seen. */
  private final class Run {
    private final Path root;
    private final TarArchiveInputStream tar;
    private long bytesLeft = maxBytes;
    private int entries;
    private String top;
    private final List<Path> links = new ArrayList<>();

    Run(Path root, TarArchiveInputStream tar) {
      this.root = root;
      this.tar = tar;
    }

    String all() throws IOException {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (++entries > maxEntries) {
          throw new SlsFailure(SlsReason.ARCHIVE_TOO_LARGE, "archive has more than " + maxEntries + " entries");
        }
        one(entry);
      }
      if (top == null) {
        throw new SlsFailure(SlsReason.ARCHIVE_CORRUPT, "archive has no entries");
      }
      checkLinks();
      return top;
    }

    private void one(TarArchiveEntry entry) throws IOException {
      String name = entry.getName();
      String rel = inside(name);
      if (rel.isEmpty()) {
        if (!entry.isDirectory()) {
          throw unsafe(name, "a distribution holds one top folder; this entry is not in it");
        }
        return;
      }
      Path dest = root.resolve(rel).normalize();
      if (!dest.startsWith(root) || dest.equals(root)) {
        throw unsafe(name, "it leaves the target folder");
      }
      refuseLinkedParents(name, dest);
      if (entry.isDirectory()) {
        Files.createDirectories(dest);
        Files.setPosixFilePermissions(dest, EXECUTABLE);
      } else if (entry.isSymbolicLink()) {
        symlink(entry, dest);
      } else if (entry.isLink()) {
        hardlink(entry, dest);
      } else if (entry.isSparse()) {
        throw unsafe(name, "sparse files are not supported");
      } else if (entry.isFile() && !entry.isFIFO() && !entry.isCharacterDevice() && !entry.isBlockDevice()) {
        file(entry, dest);
      } else {
        throw unsafe(name, "only files, folders and links are allowed (devices, fifos and the like are not)");
      }
    }

    /** The entry's path below the top folder ("" for the top folder itself); refuses what could escape. */
    private String inside(String name) {
      if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
        throw unsafe(name, "absolute paths, backslashes and NUL are not allowed");
      }
      StringBuilder rel = new StringBuilder();
      String first = null;
      for (String segment : name.split("/")) {
        if (segment.isEmpty() || segment.equals(".")) {
          continue;
        }
        if (segment.equals("..")) {
          throw unsafe(name, "'..' is not allowed in entry names");
        }
        if (first == null) {
          first = segment;
        } else {
          rel.append(rel.isEmpty() ? "" : "/").append(segment);
        }
      }
      if (first == null) {
        throw unsafe(name, "the entry has no name");
      }
      if (top == null) {
        top = first;
      } else if (!top.equals(first)) {
        throw unsafe(name, "a distribution holds one top folder ('" + top + "'); this entry is in '" + first + "'");
      }
      return rel.toString();
    }

    /** No entry may be written through a link unpacked before: that is how a link inside leads a file outside. */
    private void refuseLinkedParents(String name, Path dest) {
      for (Path p = dest.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
        if (Files.isSymbolicLink(p)) {
          throw unsafe(name, "it would be written through the link " + root.relativize(p));
        }
      }
    }

    private void symlink(TarArchiveEntry entry, Path dest) throws IOException {
      String link = entry.getLinkName();
      if (link.isEmpty() || link.startsWith("/") || link.indexOf('\0') >= 0) {
        throw unsafe(entry.getName(), "a link to an absolute path ('" + link + "') is not allowed");
      }
      Path resolved = dest.getParent().resolve(link).normalize();
      if (!resolved.startsWith(root)) {
        throw unsafe(entry.getName(), "its link target '" + link + "' is outside the distribution");
      }
      Files.createDirectories(dest.getParent());
      try {
        Files.createSymbolicLink(dest, Path.of(link));
      } catch (FileAlreadyExistsException e) {
        throw unsafe(entry.getName(), "the entry appears twice");
      }
      links.add(dest);
    }

    /**
     * Once everything is unpacked, every symbolic link must resolve, through whatever other links it meets, to
     * something inside the folder: a chain of links that each look harmless on their own cannot lead out.
     */
    private void checkLinks() throws IOException {
      Path realRoot = root.toRealPath();
      for (Path link : links) {
        String name = top + "/" + root.relativize(link);
        Path real;
        try {
          real = link.toRealPath();
        } catch (NoSuchFileException e) {
          throw unsafe(name, "its link target '" + Files.readSymbolicLink(link) + "' does not exist in the archive");
        }
        if (!real.startsWith(realRoot)) {
          throw unsafe(name, "its link target '" + Files.readSymbolicLink(link) + "' leads outside the distribution");
        }
      }
    }

    private void hardlink(TarArchiveEntry entry, Path dest) throws IOException {
      String targetRel = inside(entry.getLinkName());
      Path source = root.resolve(targetRel).normalize();
      if (targetRel.isEmpty() || !source.startsWith(root)) {
        throw unsafe(entry.getName(), "its hard link target '" + entry.getLinkName() + "' is outside the distribution");
      }
      refuseLinkedParents(entry.getName(), source);
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        throw unsafe(entry.getName(), "its hard link target '" + entry.getLinkName()
            + "' is not a file unpacked before it");
      }
      long size = Files.size(source);
      spend(entry.getName(), size);
      Files.createDirectories(dest.getParent());
      // A copy, not a link: the unpacked folder never shares an inode with anything, even inside itself.
      try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
        write(entry.getName(), in, dest, size, Files.isExecutable(source));
      }
    }

    private void file(TarArchiveEntry entry, Path dest) throws IOException {
      long size = entry.getSize();
      spend(entry.getName(), size);
      Files.createDirectories(dest.getParent());
      write(entry.getName(), tar, dest, size, (entry.getMode() & 0100) != 0);
    }

    private void write(String name, InputStream in, Path dest, long size, boolean executable) throws IOException {
      try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS)) {
        long copied = in.transferTo(out);
        if (copied != size) {
          throw new EOFException("entry " + name + " holds " + copied + " bytes; its header says " + size);
        }
      } catch (FileAlreadyExistsException e) {
        throw unsafe(name, "the entry appears twice");
      }
      Files.setPosixFilePermissions(dest, executable ? EXECUTABLE : PLAIN);
    }

    private void spend(String name, long size) {
      if (size < 0 || size > bytesLeft) {
        throw new SlsFailure(SlsReason.ARCHIVE_TOO_LARGE, "archive entry " + name + " claims " + size
            + " bytes; the archive may unpack to at most " + maxBytes + " bytes in all");
      }
      bytesLeft -= size;
    }
  }

  private static SlsFailure unsafe(String name, String why) {
    return new SlsFailure(SlsReason.ARCHIVE_UNSAFE, "refused archive entry '" + name + "': " + why);
  }

  /** Fails once more than {@code cap} bytes have come out of the decompressor. */
  private static final class CappedStream extends FilterInputStream {
    private final long cap;
    private long read;

    CappedStream(InputStream in, long cap) {
      super(in);
      this.cap = cap;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > cap) {
        throw new SlsFailure(SlsReason.ARCHIVE_TOO_LARGE, "archive decompresses to more than " + cap + " bytes");
      }
    }
  }
}
