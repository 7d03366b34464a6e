package io.apollo.core.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * An SSH public key as a {@code Role} member lists it, one line of an {@code authorized_keys} or {@code .pub} file:
 * {@code <type> <base64 blob> [comment]}. Parsed for its structure only (the type the line names is the type inside
 * the blob); turning it into a key that verifies is the hub's business. Pure.
 */
public record SshPublicKey(String type, byte[] blob, String comment) {
  /** The key types Apollo verifies signatures of. */
  public static final Set<String> TYPES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521", "ssh-rsa");
  /** The first word of every SSH public key line (ssh-ed25519, ecdsa-sha2-..., sk-ssh-..., ssh-dss). */
  private static final java.util.regex.Pattern KEY_TYPE_WORD = java.util.regex.Pattern.compile(
      "(ssh|ecdsa|sk)-[a-z0-9@.-]+");

  public SshPublicKey {
    Objects.requireNonNull(type, "type");
    blob = blob.clone();
    Objects.requireNonNull(comment, "comment");
  }

  /** The outcome of reading one line: the key, or why it is not one (a sentence naming what to do). */
  public sealed interface Parsed {}

  /** A line that holds a key. */
  public record Key(SshPublicKey key) implements Parsed {}

  /** A line that sets out to be an SSH key line (it starts with a key type) but is not a valid one. */
  public record Malformed(String why) implements Parsed {}

  /**
   * A value that is no SSH key line at all: a key fingerprint ({@code SHA256:...}, an OpenPGP fingerprint) or an
   * armored OpenPGP key. Format v1 documented {@code signingKeys} as fingerprints before Apollo verified signatures,
   * so such values still load; they are kept with the member but verify nothing (docs/signed-approvals.md).
   */
  public record Reference(String value) implements Parsed {}

  /** Reads one {@code signingKeys} value. */
  public static Parsed parse(String line) {
    String[] parts = line.strip().split("\\s+", 3);
    if (parts.length < 2 || !KEY_TYPE_WORD.matcher(parts[0]).matches()) {
      return new Reference(line.strip());
    }
    if (!TYPES.contains(parts[0])) {
      return new Malformed("key type '" + parts[0] + "' is not one Apollo verifies (" + String.join(", ",
          TYPES.stream().sorted().toList()) + ")");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      return new Malformed("the key's second word is not base64: copy the whole line of the .pub file");
    }
    String inner = firstString(blob);
    if (!parts[0].equals(inner)) {
      return new Malformed("the key says it is " + parts[0] + " but its data is " + (inner == null
          ? "not an SSH key" : "a " + inner + " key") + ": copy the line of the .pub file unchanged");
    }
    return new Key(new SshPublicKey(parts[0], blob, parts.length > 2 ? parts[2] : ""));
  }

  @Override
  public byte[] blob() {
    return blob.clone();
  }

  /** The fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} and the unpadded base64 of the blob's hash. */
  public String fingerprint() {
    return fingerprintOf(blob);
  }

  /** The fingerprint of a key blob in the SSH wire format. */
  public static String fingerprintOf(byte[] blob) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether {@code other} is the same key (same blob; comments do not count). */
  public boolean sameKey(byte[] other) {
    return Arrays.equals(blob, other);
  }

  /** The first SSH string of a blob (its key type), or null when the blob is too short to hold one. */
  private static String firstString(byte[] blob) {
    if (blob.length < 4) {
      return null;
    }
    int length = ByteBuffer.wrap(blob).getInt();
    if (length < 0 || length > blob.length - 4) {
      return null;
    }
    return new String(blob, 4, length, StandardCharsets.US_ASCII);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SshPublicKey k && type.equals(k.type) && Arrays.equals(blob, k.blob)
        && comment.equals(k.comment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(blob), comment);
  }

  @Override
  public String toString() {
    return type + " " + fingerprint();
  }
}
