package io.apollo.reconciler.signing;

import io.apollo.core.config.SshPublicKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Checks the signature a raw git commit object carries in its {@code gpgsig} header, as {@code git commit -S}
 * writes it: the signed message is the commit without that header. Only SSH signatures verify; an OpenPGP one is
 * reported {@link SignatureCheck.Bad} with words that say so. Pure.
 */
public final class CommitSignatures {
  /** The namespace {@code git} signs commits in; a signature for another one approves no commit. */
  public static final String GIT_NAMESPACE = "git";
  private static final byte[] HEADER = "gpgsig ".getBytes(StandardCharsets.US_ASCII);

  private CommitSignatures() {}

  /** What the signature of {@code rawCommit} (the commit object's bytes, as git stores it) shows. */
  public static SignatureCheck check(byte[] rawCommit) {
    Split split = split(rawCommit);
    if (split == null) {
      return new SignatureCheck.Unsigned();
    }
    if (!split.signature().startsWith(SshSignature.BEGIN)) {
      return new SignatureCheck.Bad(split.signature().startsWith("-----BEGIN PGP")
          ? "an OpenPGP signature, which the hub does not verify: sign approvals with an SSH key (gpg.format=ssh)"
          : "a signature of an unknown kind");
    }
    try {
      SshSignature signature = SshSignature.parse(split.signature());
      String fingerprint = SshPublicKey.fingerprintOf(signature.publicKey());
      if (!signature.verifies(split.payload())) {
        return new SignatureCheck.Bad("the SSH signature by " + fingerprint + " does not match the commit (the"
            + " commit was changed after it was signed, or the signature was copied from another commit)");
      }
      if (!GIT_NAMESPACE.equals(signature.namespace())) {
        return new SignatureCheck.WrongNamespace(signature.namespace(), fingerprint);
      }
      return new SignatureCheck.Verified(signature.publicKey(), fingerprint);
    } catch (SshWire.MalformedSignatureException e) {
      return new SignatureCheck.Bad("the SSH signature cannot be read: " + e.getMessage());
    }
  }

  /** The commit's {@code gpgsig} header value and the commit without it; null when it has none. */
  private static Split split(byte[] raw) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(raw.length);
    StringBuilder signature = null;
    int at = 0;
    boolean inSignature = false;
    while (at < raw.length) {
      int end = at;
      while (end < raw.length && raw[end] != '\n') {
        end++;
      }
      int next = Math.min(end + 1, raw.length);
      if (end == at) {
        // The blank line that ends the headers: the rest is the message, signed as it is.
        payload.write(raw, at, raw.length - at);
        break;
      }
      if (inSignature && raw[at] == ' ') {
        signature.append('\n').append(new String(raw, at + 1, end - at - 1, StandardCharsets.UTF_8));
      } else if (signature == null && startsWith(raw, at, HEADER)) {
        inSignature = true;
        signature = new StringBuilder(new String(raw, at + HEADER.length, end - at - HEADER.length,
            StandardCharsets.UTF_8));
      } else {
        inSignature = false;
        payload.write(raw, at, next - at);
      }
      at = next;
    }
    return signature == null ? null : new Split(payload.toByteArray(), signature.toString());
  }

  private static boolean startsWith(byte[] raw, int at, byte[] prefix) {
    if (raw.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (raw[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private record Split(byte[] payload, String signature) {}
}
