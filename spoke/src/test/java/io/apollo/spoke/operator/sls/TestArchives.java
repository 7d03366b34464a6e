package io.apollo.spoke.operator.sls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/** Builds tar.gz archives in tests, good ones and every kind of bad one, entry by entry. */
final class TestArchives {
  private interface Step {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private final List<Step> steps = new ArrayList<>();

  static TestArchives tgz() {
    return new TestArchives();
  }

  TestArchives dir(String name) {
    steps.add(tar -> {
      TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
      e.setMode(0755);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    });
    return this;
  }

  TestArchives file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  TestArchives executable(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0755);
  }

  TestArchives file(String name, byte[] content, int mode) {
    steps.add(tar -> {
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(content.length);
      e.setMode(mode);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    });
    return this;
  }

  TestArchives symlink(String name, String target) {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  TestArchives hardlink(String name, String target) {
    return link(name, target, TarConstants.LF_LINK);
  }

  TestArchives fifo(String name) {
    steps.add(tar -> {
      tar.putArchiveEntry(new TarArchiveEntry(name, TarConstants.LF_FIFO));
      tar.closeArchiveEntry();
    });
    return this;
  }

  private TestArchives link(String name, String target, byte type) {
    steps.add(tar -> {
      TarArchiveEntry e = new TarArchiveEntry(name, type, true);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    });
    return this;
  }

  byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Step step : steps) {
        step.write(tar);
      }
    }
    return out.toByteArray();
  }

  Path writeTo(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  /**
   * A gzip bomb's front: one entry whose header claims {@code claimed} bytes (10 GB, say) followed by a little data
   * and no end. An unpacker that believes the header and starts writing would fill the disk.
   */
  static byte[] claimingHuge(String name, long claimed) throws IOException {
    return claimingHuge(name, TarConstants.LF_NORMAL, claimed);
  }

  /** As {@link #claimingHuge(String, long)}, for an entry of another type (a pax header, say). */
  static byte[] claimingHuge(String name, byte type, long claimed) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setSize(claimed);
    e.setMode(0644);
    byte[] header = new byte[512];
    e.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8), true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(header);
      gz.write(new byte[64 * 1024]);
    }
    return out.toByteArray();
  }

  /** A real bomb: one entry of {@code size} zero bytes, which gzip shrinks a thousandfold. */
  static byte[] zeros(String name, int size) throws IOException {
    return tgz().file(name, new byte[size], 0644).bytes();
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(ArtifactFetcher.sha256().digest(bytes));
  }
}
