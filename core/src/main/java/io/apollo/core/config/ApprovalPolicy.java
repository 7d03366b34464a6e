package io.apollo.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Approval rules ({@code kind: ApprovalPolicy}), and whether approvals must be signed ({@code signatures}; absent:
 * required once any role member lists signing keys, see {@link DesiredState}'s roles).
 */
public record ApprovalPolicy(Metadata metadata, List<ApprovalRule> rules, Optional<Signatures> signatures,
    Origin origin) {
  public ApprovalPolicy {
    Objects.requireNonNull(metadata, "metadata");
    rules = List.copyOf(rules);
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(origin, "origin");
  }

  /** A policy that leaves {@code signatures} to its default. */
  public ApprovalPolicy(Metadata metadata, List<ApprovalRule> rules, Origin origin) {
    this(metadata, rules, Optional.empty(), origin);
  }

  /**
   * Whether approvals must be signed, given every policy and role of one commit: a policy that says
   * {@code required} wins over one that says {@code optional}; with none saying, signatures are required once any
   * member lists an SSH public key line, so adding keys switches them on.
   */
  public static Signatures signaturesOf(java.util.Collection<ApprovalPolicy> policies,
      java.util.Collection<Role> roles) {
    List<Signatures> said = policies.stream().flatMap(p -> p.signatures().stream()).toList();
    if (said.contains(Signatures.REQUIRED)) {
      return Signatures.REQUIRED;
    }
    if (!said.isEmpty()) {
      return Signatures.OPTIONAL;
    }
    // Only keys Apollo can verify switch signatures on: a repository that lists fingerprints (what format v1
    // documented before signatures were checked) keeps being judged by author until it lists key lines.
    boolean anyKey = roles.stream().flatMap(r -> r.members().stream()).anyMatch(m -> !m.sshKeys().isEmpty());
    return anyKey ? Signatures.REQUIRED : Signatures.OPTIONAL;
  }
}
