package io.apollo.spoke.operator.sls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TarGzUnpackerTest {
  private static final String TOP = "app-1.0.0/";

  @TempDir Path temp;
  private Path sandbox;
  private Path target;

  @BeforeEach
  void layout() throws IOException {
    // The archive unpacks into sandbox/work/target; anything appearing beside work/ escaped.
    sandbox = Files.createDirectories(temp.resolve("sandbox"));
    target = sandbox.resolve("work/target");
  }

  @Test
  void unpacksFilesFoldersLinksAndTheExecuteBitBelowTheTopFolder() throws IOException {
    Path archive = TestArchives.tgz()
        .dir(TOP)
        .executable(TOP + "service/bin/init.sh", "#!/bin/sh\n")
        .file(TOP + "deployment/manifest.yml", "product-name: app\n")
        .file(TOP + "service/lib/a.jar", "jar")
        .symlink(TOP + "service/lib/current.jar", "a.jar")
        .symlink(TOP + "bin", "service/bin")
        .hardlink(TOP + "service/lib/b.jar", TOP + "service/lib/a.jar")
        .writeTo(temp.resolve("good.tgz"));

    String top = new TarGzUnpacker(1 << 20, 100).unpack(archive, target);

    assertThat(top).isEqualTo("app-1.0.0");
    assertThat(target.resolve("deployment/manifest.yml")).hasContent("product-name: app");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("service/bin/init.sh"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("service/lib/a.jar"))))
        .isEqualTo("rw-r--r--");
    assertThat(Files.readSymbolicLink(target.resolve("service/lib/current.jar"))).isEqualTo(Path.of("a.jar"));
    assertThat(target.resolve("bin/init.sh")).exists();
    assertThat(target.resolve("service/lib/b.jar")).hasContent("jar");
    assertThat(Files.isSymbolicLink(target.resolve("service/lib/b.jar"))).isFalse();
  }

  static Stream<Arguments> badArchives() throws IOException {
    return Stream.of(
        Arguments.of("'../' entry", TestArchives.tgz().dir(TOP).file(TOP + "../../escaped.txt", "x").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "'..'"),
        Arguments.of("'../' hidden mid-path",
            TestArchives.tgz().file(TOP + "service/../../../escaped.txt", "x").bytes(), SlsReason.ARCHIVE_UNSAFE,
            "'..'"),
        Arguments.of("absolute path", TestArchives.tgz().dir(TOP).file("/tmp/escaped.txt", "x").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "absolute"),
        Arguments.of("symlink out", TestArchives.tgz().dir(TOP).symlink(TOP + "out", "../../..").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "outside"),
        Arguments.of("symlink to an absolute path", TestArchives.tgz().symlink(TOP + "passwd", "/etc/passwd").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "absolute"),
        Arguments.of("chain of links out (each looks inside on its own)",
            TestArchives.tgz().symlink(TOP + "a", ".").dir(TOP + "d").symlink(TOP + "d/b", "../a/..").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "leads outside"),
        Arguments.of("file written through a link", TestArchives.tgz().dir(TOP + "sub").symlink(TOP + "l", "sub")
            .file(TOP + "l/x.txt", "x").bytes(), SlsReason.ARCHIVE_UNSAFE, "through the link"),
        Arguments.of("hardlink out", TestArchives.tgz().file(TOP + "a", "x").hardlink(TOP + "h", "../../etc/passwd")
            .bytes(), SlsReason.ARCHIVE_UNSAFE, "'..'"),
        Arguments.of("hardlink to an absolute path", TestArchives.tgz().hardlink(TOP + "h", "/etc/passwd").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "absolute"),
        Arguments.of("hardlink to a file not unpacked", TestArchives.tgz().hardlink(TOP + "h", TOP + "nothing").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "not a file unpacked before"),
        Arguments.of("dangling symlink", TestArchives.tgz().symlink(TOP + "l", "nowhere").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "does not exist"),
        Arguments.of("two top folders", TestArchives.tgz().file(TOP + "a", "x").file("other-1.0.0/b", "y").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "one top folder"),
        Arguments.of("a file at the top", TestArchives.tgz().file("loose.txt", "x").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "one top folder"),
        Arguments.of("a fifo", TestArchives.tgz().fifo(TOP + "pipe").bytes(), SlsReason.ARCHIVE_UNSAFE, "fifos"),
        Arguments.of("same entry twice", TestArchives.tgz().file(TOP + "a", "x").file(TOP + "a", "y").bytes(),
            SlsReason.ARCHIVE_UNSAFE, "twice"),
        Arguments.of("gzip bomb claiming 10 GB", TestArchives.claimingHuge(TOP + "bomb.bin", 10_000_000_000L),
            SlsReason.ARCHIVE_TOO_LARGE, "claims 10000000000 bytes"),
        Arguments.of("pax header claiming 10 GB",
            TestArchives.claimingHuge(TOP + "pax", TarConstants.LF_PAX_EXTENDED_HEADER_LC, 10_000_000_000L),
            SlsReason.ARCHIVE_CORRUPT, ""),
        Arguments.of("gzip bomb of real zeros", TestArchives.zeros(TOP + "zeros.bin", 8 << 20),
            SlsReason.ARCHIVE_TOO_LARGE, "at most"),
        Arguments.of("too many entries", manyEntries(200), SlsReason.ARCHIVE_TOO_LARGE, "more than 100 entries"),
        Arguments.of("truncated archive", truncated(), SlsReason.ARCHIVE_CORRUPT, "not a complete tar.gz"),
        Arguments.of("not gzip at all", "PK\3\4 a zip perhaps".getBytes(), SlsReason.ARCHIVE_CORRUPT, ""),
        Arguments.of("empty archive", TestArchives.tgz().bytes(), SlsReason.ARCHIVE_CORRUPT, "no entries"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArchives")
  void refusesBadArchivesAndTouchesNothingOutside(String name, byte[] archive, SlsReason reason, String words)
      throws IOException {
    Path file = Files.write(temp.resolve("bad.tgz"), archive);

    assertThatThrownBy(() -> new TarGzUnpacker(1 << 20, 100).unpack(file, target))
        .isInstanceOfSatisfying(SlsFailure.class, f -> assertThat(f.reason()).isEqualTo(reason))
        .hasMessageContaining(words);

    try (Stream<Path> beside = Files.list(sandbox)) {
      assertThat(beside).containsExactly(sandbox.resolve("work"));
    }
    try (Stream<Path> beside = Files.list(sandbox.resolve("work"))) {
      assertThat(beside).containsExactly(target);
    }
    assertThat(Path.of("/tmp/escaped.txt")).doesNotExist();
  }

  private static byte[] manyEntries(int n) throws IOException {
    TestArchives archive = TestArchives.tgz().dir(TOP);
    for (int i = 0; i < n; i++) {
      archive.file(TOP + "f" + i, "x");
    }
    return archive.bytes();
  }

  private static byte[] truncated() throws IOException {
    byte[] whole = TestArchives.tgz().file(TOP + "a.bin", new byte[200_000], 0644)
        .file(TOP + "b.txt", "after").bytes();
    return Arrays.copyOf(whole, whole.length / 2);
  }
}
