package io.apollo.spoke.operator.sls;

import io.apollo.core.version.Version;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What the operator installed for one entity, kept in {@code entity.properties} beside the version folders so that
 * {@code observe} and the next plan know it after a spoke restart. Written atomically after every change.
 *
 * @param productName the manifest's {@code product-name}: the service reads {@code var/conf/<productName>.yml}
 * @param current the version that should be running (empty: none)
 * @param configDigest the digest of the config {@code current} runs with
 * @param recent versions unpacked on disk, most recently run first (pruning keeps the head of this list)
 */
record EntityRecord(String productName, Optional<Version> current, Optional<String> configDigest, List<String> recent) {
  static final String FILE = "entity.properties";

  EntityRecord {
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(configDigest, "configDigest");
    recent = List.copyOf(recent);
  }

  /** The record in {@code entityDir}, or empty when nothing was ever installed there. */
  static Optional<EntityRecord> read(Path entityDir) {
    Path file = entityDir.resolve(FILE);
    Properties p = new Properties();
    try {
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not read " + file + ": " + e, e);
    }
    String recent = p.getProperty("recent", "");
    return Optional.of(new EntityRecord(
        p.getProperty("product-name", ""),
        Optional.ofNullable(p.getProperty("current")).flatMap(Version::tryParse),
        Optional.ofNullable(p.getProperty("config-digest")),
        recent.isBlank() ? List.of() : Arrays.asList(recent.split(","))));
  }

  void write(WorkFolder work, Path entityDir) {
    Properties p = new Properties();
    p.setProperty("product-name", productName);
    current.ifPresent(v -> p.setProperty("current", v.toString()));
    configDigest.ifPresent(d -> p.setProperty("config-digest", d));
    p.setProperty("recent", String.join(",", recent));
    StringWriter text = new StringWriter();
    try {
      p.store(text, "written by the spoke's sls operator; do not edit while the spoke runs");
    } catch (IOException e) {
      throw new IllegalStateException("a StringWriter does not fail", e);
    }
    work.writeAtomically(entityDir.resolve(FILE), text.toString());
  }

  /** This record once {@code version} runs with {@code digest}: it becomes current and heads the recent list. */
  EntityRecord running(String productName, Version version, String digest) {
    List<String> next = new ArrayList<>();
    next.add(version.toString());
    recent.stream().filter(v -> !v.equals(version.toString())).forEach(next::add);
    return new EntityRecord(productName, Optional.of(version), Optional.of(digest), next);
  }

  /** An empty record for an entity about to get its first version. */
  static EntityRecord none(String productName) {
    return new EntityRecord(productName, Optional.empty(), Optional.empty(), List.of());
  }
}
