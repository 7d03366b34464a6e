package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Member;
import io.apollo.core.config.Signatures;
import io.apollo.core.config.SshPublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether {@code apollo plan approve} signs its commit (docs/signed-approvals.md): always where the repository
 * requires signed approvals, and whenever the person has a signing key configured in git ({@code user.signingkey}).
 * Where signatures are required it refuses up front, with the commands to run, when git is not set up to make a
 * signature the hub can verify for the approver: an SSH key ({@code gpg.format ssh}) that the approver lists in
 * their role.
 */
final class ApprovalSigning {
  private ApprovalSigning() {}

  /** Whether to sign; throws when signatures are required and the approval could not count. */
  static boolean decide(ConfigRepo config, DesiredState state, String by) {
    boolean required = ApprovalPolicy.signaturesOf(state.approvalPolicies(), state.roles().values())
        == Signatures.REQUIRED;
    String key = config.git().tryRun("config", "user.signingkey").out().strip();
    if (!required) {
      return !key.isEmpty();
    }
    String fix = " (git config gpg.format ssh; git config user.signingkey ~/.ssh/id_ed25519.pub), and list the"
        + " public key under your email's signingKeys in the Role; see docs/signed-approvals.md";
    if (key.isEmpty()) {
      throw new CliException("approvals must be signed in this repository (ApprovalPolicy spec.signatures), but git"
          + " has no signing key: set one" + fix);
    }
    String format = config.git().tryRun("config", "gpg.format").out().strip();
    if (!format.equals("ssh")) {
      throw new CliException("approvals must be signed with an SSH key, but git signs with "
          + (format.isEmpty() ? "openpgp" : format) + ": set gpg.format to ssh" + fix);
    }
    publicKey(config, key).ifPresent(own -> {
      boolean listed = state.roles().values().stream().flatMap(r -> r.members().stream())
          .filter(m -> m.email().equalsIgnoreCase(by)).map(Member::sshKeys).flatMap(java.util.List::stream)
          .anyMatch(k -> Arrays.equals(k.blob(), own.blob()));
      if (!listed) {
        throw new CliException("your signing key " + own.fingerprint() + " is not one of " + by
            + "'s signingKeys in the Role files, so the hub would refuse the approval (KEY_NOT_OF_MEMBER): add"
            + " it there (a change to main), or approve as the person whose key it is");
      }
    });
    return true;
  }

  /** The public key of {@code user.signingkey}: a {@code key::} literal, a .pub file, or a private key's .pub. */
  private static Optional<SshPublicKey> publicKey(ConfigRepo config, String configured) {
    String text = configured;
    if (configured.startsWith("key::")) {
      text = configured.substring("key::".length());
    } else {
      Path path = Path.of(configured.startsWith("~/") ? System.getProperty("user.home") + configured.substring(1)
          : configured);
      Path pub = path.toString().endsWith(".pub") ? path : Path.of(path + ".pub");
      try {
        text = Files.readString(config.git().dir().resolve(pub));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return SshPublicKey.parse(text) instanceof SshPublicKey.Key k ? Optional.of(k.key()) : Optional.empty();
  }
}
