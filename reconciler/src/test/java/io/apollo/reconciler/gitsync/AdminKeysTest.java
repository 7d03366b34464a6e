package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeysTest {
  /** Made with ssh-keygen -t ed25519. */
  private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH+zReBu/3ViNUhE8PF7gSiOnvGiGErROhFur2hG2PcG alice@laptop";

  @TempDir Path temp;

  @Test
  void readsKeysPassingOverCommentsAndBlankLines() throws IOException {
    Path file = Files.writeString(temp.resolve("admin-keys"), "# admins\n\n" + KEY + "\n");

    assertThat(AdminKeys.read(file)).singleElement().satisfies(k -> assertThat(k.type()).isEqualTo("ssh-ed25519"));
  }

  @Test
  void aLineThatIsNotAKeyIsRefusedAtItsLine() throws IOException {
    Path file = Files.writeString(temp.resolve("admin-keys"), KEY + "\nSHA256:abc\n");

    assertThatThrownBy(() -> AdminKeys.read(file)).isInstanceOf(ReconcilerException.class)
        .hasMessageContaining("admin-keys:2: expected an SSH public key");
  }

  @Test
  void aFileWithoutKeysIsRefused() throws IOException {
    Path file = Files.writeString(temp.resolve("admin-keys"), "# nobody yet\n");

    assertThatThrownBy(() -> AdminKeys.read(file)).hasMessageContaining("lists no SSH public key");
  }
}
