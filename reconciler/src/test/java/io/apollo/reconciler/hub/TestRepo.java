package io.apollo.reconciler.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small config repository for hub tests: products {@code com.example:web} (medium) and {@code com.example:ledger}
 * (critical); environments staging (spoke {@code staging-spoke}) and production (spoke {@code prod-spoke}), each
 * pushed to when given a url, else polling; a production maintenance window of the test's choosing; production
 * upgrades need {@code sre}, critical products {@code vp-engineering} (sre: Alice, Bob; vp: Carol).
 */
public final class TestRepo {
  /** A window that is always open: one starting every minute, a day long. */
  public static final String ALWAYS_OPEN = "* * * * *";

  private final Map<String, String> files = new LinkedHashMap<>();

  private TestRepo() {}

  /** @param window the production maintenance window's cron (UTC), a day long when {@link #ALWAYS_OPEN} */
  public static TestRepo of(Optional<String> stagingUrl, Optional<String> prodUrl, String window, String duration) {
    TestRepo repo = new TestRepo();
    repo.files.put("products/web.yaml", product("com.example:web", "medium"));
    repo.files.put("products/ledger.yaml", product("com.example:ledger", "critical"));
    repo.files.put("releases/web.yaml", release("com.example:web", "web", "1.0.0") + "---\n"
        + release("com.example:web", "web", "1.1.0") + "---\n" + release("com.example:web", "web", "1.2.0"));
    repo.files.put("releases/ledger.yaml", release("com.example:ledger", "ledger", "2.0.0") + "---\n"
        + release("com.example:ledger", "ledger", "2.1.0"));
    repo.files.put("environments/staging.yaml", environment("staging", "staging-spoke", stagingUrl));
    repo.files.put("environments/production.yaml", environment("production", "prod-spoke", prodUrl));
    repo.files.put("entities/staging.yaml", entity("staging", "web", "com.example:web", "1.0.0"));
    repo.files.put("entities/production.yaml", entity("production", "web", "com.example:web", "1.0.0") + "---\n"
        + entity("production", "ledger", "com.example:ledger", "2.0.0"));
    repo.files.put("constraints/prod-window.yaml", """
        apiVersion: apollo/v1
        kind: Constraint
        metadata:
          name: prod-window
        spec:
          selector:
            environments: [production]
          maintenanceWindow:
            cron: "%s"
            duration: %s
            timeZone: UTC
        """.formatted(window, duration));
    repo.files.put("policies/approval-policy.yaml", """
        apiVersion: apollo/v1
        kind: ApprovalPolicy
        metadata:
          name: production-changes
        spec:
          rules:
            - match:
                environments: [production]
                planTypes: [upgrade]
              requiredRoles: [sre]
            - match:
                environments: [production]
                criticality: critical
              requiredRoles: [vp-engineering]
        """);
    repo.files.put("policies/roles.yaml", """
        apiVersion: apollo/v1
        kind: Role
        metadata:
          name: sre
        spec:
          members:
            - email: alice.nguyen@example.com
            - email: bob.okafor@example.com
        ---
        apiVersion: apollo/v1
        kind: Role
        metadata:
          name: vp-engineering
        spec:
          members:
            - email: carol.diaz@example.com
        """);
    return repo;
  }

  /** Always-open windows, staging pushed to {@code stagingUrl}, production polling. */
  public static TestRepo open(String stagingUrl) {
    return of(Optional.of(stagingUrl), Optional.empty(), ALWAYS_OPEN, "P1D");
  }

  public Map<String, String> files() {
    return files;
  }

  /** Writes every file under {@code folder}; returns it. */
  public Path writeTo(Path folder) {
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = folder.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue());
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entity document of production or staging with another pinned version. */
  public static String entity(String environment, String name, String product, String version) {
    return """
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: %s
        spec:
          product: %s
          environment: %s
          version: %s
          config:
            port: 8080
        """.formatted(name, product, environment, version);
  }

  private static String product(String id, String criticality) {
    return """
        apiVersion: apollo/v1
        kind: Product
        metadata:
          name: %s
        spec:
          displayName: %s
          criticality: %s
          type: sls-service
        """.formatted(id, id, criticality);
  }

  private static String release(String product, String artifact, String version) {
    return """
        apiVersion: apollo/v1
        kind: Release
        metadata:
          name: %s-%s
        spec:
          product: %s
          version: %s
          artifact:
            uri: https://artifacts.example.com/%s-%s.tgz
            sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        """.formatted(artifact, version, product, version, artifact, version);
  }

  private static String environment(String name, String spoke, Optional<String> url) {
    return """
        apiVersion: apollo/v1
        kind: Environment
        metadata:
          name: %s
        spec:
          spokes:
            - name: %s
        """.formatted(name, spoke) + url.map(u -> "      url: " + u + "\n").orElse("");
  }
}
