package io.apollo.core.load;

/** Small documents of every kind, as text, for tests that edit a repository in memory. */
final class Docs {
  private Docs() {}

  static String product(String name) {
    return """
        apiVersion: apollo/v1
        kind: Product
        metadata:
          name: %s
        spec:
          type: sls-service
        """.formatted(name);
  }

  static String release(String product, String version) {
    return """
        apiVersion: apollo/v1
        kind: Release
        metadata:
          name: %s-%s
        spec:
          product: %s
          version: %s
        """.formatted(product.replace(':', '-'), version, product, version);
  }

  static String environment(String name, String... spokes) {
    StringBuilder out = new StringBuilder("""
        apiVersion: apollo/v1
        kind: Environment
        metadata:
          name: %s
        spec:
          spokes:
        """.formatted(name));
    for (String spoke : spokes) {
      out.append("    - name: ").append(spoke).append('\n');
    }
    return out.toString();
  }

  /** An entity at {@code version}, or following the stable channel when it is null. */
  static String entity(String environment, String name, String product, String version, int replicas) {
    return """
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: %s
        spec:
          product: %s
          environment: %s
          %s
          config:
            replicas: %d
        """.formatted(name, product, environment, version == null ? "channel: stable" : "version: " + version,
        replicas);
  }

  static String constraint(String name, String environment) {
    return """
        apiVersion: apollo/v1
        kind: Constraint
        metadata:
          name: %s
        spec:
          selector:
            environments: [%s]
          suppressionWindow:
            start: 2026-12-20
            end: 2027-01-04T00:00:00Z
            reason: freeze
        """.formatted(name, environment);
  }

  static String role(String name, String email) {
    return """
        apiVersion: apollo/v1
        kind: Role
        metadata:
          name: %s
        spec:
          members:
            - email: %s
        """.formatted(name, email);
  }

  static String policy(String name, String role) {
    return """
        apiVersion: apollo/v1
        kind: ApprovalPolicy
        metadata:
          name: %s
        spec:
          rules:
            - match:
                environments: [production]
              requiredRoles:
                - %s
        """.formatted(name, role);
  }

  static String plan(String name, String toVersion) {
    return """
        apiVersion: apollo/v1
        kind: Plan
        metadata:
          name: %s
        spec:
          entity: production/auth
          type: upgrade
          product: com.example:auth-service
          spoke: prod-east
          fromVersion: "1.2.0"
          toVersion: "%s"
          configDigest: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
          computedFrom: 1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e
        """.formatted(name, toVersion);
  }

  static String notification(String name, String environment) {
    return """
        apiVersion: apollo/v1
        kind: Notification
        metadata:
          name: %s
        spec:
          events: [plan.failed]
          selector:
            environments: [%s]
          slack:
            urlRef: slack-sre
        """.formatted(name, environment);
  }

  static String hold(String name, String product, String version) {
    return """
        apiVersion: apollo/v1
        kind: ReleaseHold
        metadata:
          name: %s
        spec:
          product: %s
          version: %s
          environments: [production]
          reason: "canary degraded"
          heldAt: "2025-06-06T10:15:00Z"
        """.formatted(name, product, version);
  }

  /** Documents of one file. */
  static String file(String... documents) {
    return String.join("---\n", documents);
  }
}
