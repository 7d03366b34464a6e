package io.apollo.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a repository on disk: what is read, what is skipped, what is refused and why. */
class FileTreeSourceTest {
  @TempDir Path repo;
  @TempDir Path outside;

  @Test
  void listsYamlFilesInPathOrderAndSkipsHiddenFoldersAndOtherFiles() throws IOException {
    write("b/two.yml", "a: 1");
    write("a/one.yaml", "a: 1");
    write(".git/config.yaml", "a: 1");
    write("a/.hidden.yaml", "a: 1");
    write("README.md", "# not config");

    ConfigSource.Listing listing = new FileTreeSource(repo, 1024).list();

    assertThat(listing.files()).extracting(ConfigSource.Entry::path).containsExactly("a/one.yaml", "b/two.yml");
    assertThat(listing.refused()).isEmpty();
  }

  @Test
  void refusesASymlinkToAFileOutsideTheRepository() throws IOException {
    Path secret = Files.writeString(outside.resolve("secret.yaml"), "password: hunter2");
    Files.createDirectories(repo.resolve("entities"));
    Files.createSymbolicLink(repo.resolve("entities/linked.yaml"), secret);

    ConfigSource.Listing listing = new FileTreeSource(repo, 1024).list();

    assertThat(listing.files()).isEmpty();
    assertThat(listing.refused()).singleElement().satisfies(p -> {
      assertThat(p.toString()).startsWith("entities/linked.yaml:1:1: symbolic link to " + secret);
      assertThat(p.message()).contains("links are never followed");
      assertThat(p.reason()).isEqualTo(ProblemReason.REFUSED);
    });
  }

  @Test
  void refusesALinkedFolderWithoutDescendingIntoIt() throws IOException {
    Files.writeString(outside.resolve("product.yaml"), "a: 1");
    Files.createSymbolicLink(repo.resolve("products"), outside);

    ConfigSource.Listing listing = new FileTreeSource(repo, 1024).list();

    assertThat(listing.files()).isEmpty();
    assertThat(listing.refused()).singleElement().satisfies(p -> assertThat(p.toString())
        .startsWith("products:1:1: symbolic link to " + outside));
  }

  @Test
  void refusesAFileOverTheSizeCapWithItsSize() throws IOException {
    write("big.yaml", "x: " + "a".repeat(5 * 1024 * 1024));

    ConfigSource.Listing listing = new FileTreeSource(repo, 1024 * 1024).list();

    assertThat(listing.files()).isEmpty();
    assertThat(listing.refused()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("big.yaml");
      assertThat(p.message()).isEqualTo("file is 5242883 bytes; the limit is 1048576 bytes per file: split it into smaller files");
    });
  }

  private void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
