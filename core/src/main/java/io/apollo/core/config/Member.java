package io.apollo.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A person in a {@link Role}: the email their commits carry, and the public keys that sign their approvals
 * ({@code signingKeys}: SSH public key lines, which verify; the loader refuses a role with a malformed one. Other
 * values, such as fingerprints, are kept and verify nothing: see {@link SshPublicKey.Reference}).
 */
public record Member(String email, List<String> signingKeys) {
  public Member {
    Objects.requireNonNull(email, "email");
    signingKeys = List.copyOf(signingKeys == null ? List.of() : signingKeys);
  }

  /** The member's signing keys that are SSH public keys (every one, in a role the loader accepted). */
  public List<SshPublicKey> sshKeys() {
    return signingKeys.stream().map(SshPublicKey::parse).filter(SshPublicKey.Key.class::isInstance)
        .map(k -> ((SshPublicKey.Key) k).key()).toList();
  }
}
