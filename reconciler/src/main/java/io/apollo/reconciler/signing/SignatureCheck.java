package io.apollo.reconciler.signing;

import java.util.Objects;

/** What a commit's signature shows: the outcome of {@link CommitSignatures#check}. */
public sealed interface SignatureCheck {
  /** The commit carries no signature. */
  record Unsigned() implements SignatureCheck {}

  /** The signature does not verify, or is not one Apollo can verify; {@code why} says which, in words. */
  record Bad(String why) implements SignatureCheck {}

  /** A valid SSH signature, but made for another namespace than {@code git} (a file or an email, not a commit). */
  record WrongNamespace(String namespace, String fingerprint) implements SignatureCheck {
    public WrongNamespace {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }
  }

  /**
   * A valid SSH signature over the commit in namespace {@code git} by the key {@code keyBlob} (SSH wire format),
   * whose fingerprint is {@code fingerprint} ({@code SHA256:...} as ssh-keygen prints it). Who holds the key is the
   * caller's question.
   */
  record Verified(byte[] keyBlob, String fingerprint) implements SignatureCheck {
    public Verified {
      keyBlob = keyBlob.clone();
      Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public byte[] keyBlob() {
      return keyBlob.clone();
    }
  }
}
