package io.apollo.reconciler.gitsync;

import io.apollo.core.config.SshPublicKey;
import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's {@code --admin-keys} file: SSH public keys, one per line as in a {@code .pub} or
 * {@code authorized_keys} file; blank lines and lines starting with {@code #} are ignored.
 */
public final class AdminKeys {
  private AdminKeys() {}

  /** The keys of {@code file}; throws naming file:line for a line that is not a key, or a file with none. */
  public static List<SshPublicKey> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ReconcilerException("--admin-keys " + file + ": cannot read it (" + e.getMessage() + ")", e);
    }
    List<SshPublicKey> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      switch (SshPublicKey.parse(line)) {
        case SshPublicKey.Key k -> keys.add(k.key());
        case SshPublicKey.Malformed m -> throw new ReconcilerException("--admin-keys " + file + ":" + (i + 1)
            + ": " + m.why());
        case SshPublicKey.Reference r -> throw new ReconcilerException("--admin-keys " + file + ":" + (i + 1)
            + ": expected an SSH public key line '<type> <base64> [comment]' as in ~/.ssh/id_ed25519.pub, not a"
            + " fingerprint or another kind of key");
      }
    }
    if (keys.isEmpty()) {
      throw new ReconcilerException("--admin-keys " + file + ": lists no SSH public key; put one .pub line per"
          + " admin in it");
    }
    return List.copyOf(keys);
  }
}
