package io.apollo.core.load;

import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.Constraint;
import io.apollo.core.config.Environment;
import io.apollo.core.config.PlanDocument;
import io.apollo.core.config.Product;
import io.apollo.core.config.Release;
import io.apollo.core.config.Role;
import java.util.ArrayList;
import java.util.List;

/** The documents that passed schema validation and mapped to records, by kind, in reading order. */
final class MappedDocuments {
  final List<Loaded<Product>> products = new ArrayList<>();
  final List<Loaded<Release>> releases = new ArrayList<>();
  final List<Loaded<Environment>> environments = new ArrayList<>();
  final List<Loaded<EntityDraft>> entities = new ArrayList<>();
  final List<Loaded<Constraint>> constraints = new ArrayList<>();
  final List<Loaded<ApprovalPolicy>> policies = new ArrayList<>();
  final List<Loaded<Role>> roles = new ArrayList<>();
  final List<Loaded<PlanDocument>> plans = new ArrayList<>();
  final List<Loaded<io.apollo.core.config.Notification>> notifications = new ArrayList<>();
  final List<Loaded<io.apollo.core.config.ReleaseHold>> holds = new ArrayList<>();

  /** Whether a product, release or environment is here: what {@link CrossChecks#catalog} reads. */
  boolean holdsCatalog() {
    return !products.isEmpty() || !releases.isEmpty() || !environments.isEmpty();
  }

  /** Whether a document of the kinds {@link CrossChecks#rules} reads is here. */
  boolean holdsRules() {
    return !constraints.isEmpty() || !policies.isEmpty() || !roles.isEmpty() || !plans.isEmpty()
        || !notifications.isEmpty() || !holds.isEmpty();
  }

  /** Appends another file's documents, keeping reading order. */
  void addAll(MappedDocuments other) {
    products.addAll(other.products);
    releases.addAll(other.releases);
    environments.addAll(other.environments);
    entities.addAll(other.entities);
    constraints.addAll(other.constraints);
    policies.addAll(other.policies);
    roles.addAll(other.roles);
    plans.addAll(other.plans);
    notifications.addAll(other.notifications);
    holds.addAll(other.holds);
  }
}
