package io.apollo.core.config;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of document a config repository may hold. */
public enum Kind {
  /** A deployable product, identified by {@code group:artifact}. */
  PRODUCT("Product"),
  /** One version of a product, on one or more channels. */
  RELEASE("Release"),
  /** A set of spokes that entities are deployed to. */
  ENVIRONMENT("Environment"),
  /** A product at a version (or following a channel) in an environment, on a spoke. */
  ENTITY("Entity"),
  /** A maintenance window, suppression window or dependency rule over a selection of entities. */
  CONSTRAINT("Constraint"),
  /** Rules that say which roles must approve which plans. */
  APPROVAL_POLICY("ApprovalPolicy"),
  /** A named group of people who may approve. */
  ROLE("Role"),
  /** A plan written by the hub (pending on a branch, approved on main). */
  PLAN("Plan"),
  /** Which plan and entity events to send, about which entities, to which webhook or Slack channel. */
  NOTIFICATION("Notification"),
  /** A release held back in some environments (a canary failed on it) until a person lifts the hold. */
  RELEASE_HOLD("ReleaseHold");

  private final String wireName;

  Kind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Kind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
