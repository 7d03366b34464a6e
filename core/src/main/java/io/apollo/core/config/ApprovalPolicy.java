package io.apollo.core.config;

import java.util.List;
import java.util.Objects;

/** Approval rules ({@code kind: ApprovalPolicy}). */
public record ApprovalPolicy(Metadata metadata, List<ApprovalRule> rules, Origin origin) {
  public ApprovalPolicy {
    Objects.requireNonNull(metadata, "metadata");
    rules = List.copyOf(rules);
    Objects.requireNonNull(origin, "origin");
  }
}
