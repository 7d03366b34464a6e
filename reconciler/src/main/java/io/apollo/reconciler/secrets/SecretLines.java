package io.apollo.reconciler.secrets;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file of {@code <name> <secret>} lines: {@code #} starts a comment, blank lines are skipped, a name may
 * appear once. Every error names the file and line and what to write, and never the secret.
 *
 * @param flag the hub option that names the file, such as {@code --spoke-tokens}
 * @param name what the first word is, such as {@code spoke-name}
 * @param secret what the second word is, such as {@code token}
 */
public record SecretLines(String flag, String name, String secret) {

  /** The secrets of {@code file} by name, in file order. */
  public Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReconcilerException("cannot read " + flag + " " + file + ": " + e.getMessage() + " (give " + flag
          + " a file of '<" + name + "> <" + secret + ">' lines)", e);
    }
    Map<String, String> byName = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new ReconcilerException(file + ":" + (i + 1) + ": expected '<" + name + "> <" + secret + ">', found "
            + parts.length + " words (the " + secret + " itself is not shown)");
      }
      if (byName.put(parts[0], parts[1]) != null) {
        throw new ReconcilerException(file + ":" + (i + 1) + ": " + parts[0] + " has a second " + secret
            + "; keep one line per " + name);
      }
    }
    return byName;
  }
}
