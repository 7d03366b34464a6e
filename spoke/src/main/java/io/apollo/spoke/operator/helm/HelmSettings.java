package io.apollo.spoke.operator.helm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How this spoke runs helm. {@code helm} is the binary ({@code helm} alone means: from PATH); {@code workDir} the
 * spoke's work folder, under which the operator keeps its own HELM_CONFIG_HOME, HELM_CACHE_HOME, HELM_DATA_HOME and
 * its short-lived values files; {@code namespace} where releases go; {@code kubeconfig} the cluster (empty: helm's
 * own default, KUBECONFIG or ~/.kube/config); {@code waitTimeout} helm's {@code --timeout} for changes;
 * {@code queryTimeout} the limit for {@code template}, {@code status} and {@code history}; {@code registry} the
 * credentials for the chart repository or registry, if it needs any; {@code extraDeployArgs} flags added to every
 * {@code install} and {@code upgrade} (for example {@code --disable-openapi-validation} for an API server that
 * serves no OpenAPI document).
 *
 * <p>A helm run that changes the cluster may take {@code waitTimeout} plus {@link #grace()} before the operator
 * stops it: helm should give up first and say why.
 */
public record HelmSettings(
    Path helm,
    Path workDir,
    String namespace,
    Optional<Path> kubeconfig,
    Duration waitTimeout,
    Duration queryTimeout,
    Optional<RegistryCredentials> registry,
    List<String> extraDeployArgs) {

  public HelmSettings {
    Objects.requireNonNull(helm, "helm");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(kubeconfig, "kubeconfig");
    Objects.requireNonNull(waitTimeout, "waitTimeout");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(registry, "registry");
    extraDeployArgs = List.copyOf(extraDeployArgs);
    if (!ReleaseName.isDnsLabel(namespace)) {
      throw new IllegalArgumentException("helm namespace '" + namespace
          + "' is not a DNS label (lower-case letters, digits and '-', at most 63)");
    }
    if (waitTimeout.isNegative() || waitTimeout.isZero() || queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("helm time limits must be positive");
    }
  }

  /** The defaults: namespace {@code default}, helm's own kubeconfig, 5 minutes to wait, 1 minute per query. */
  public static HelmSettings of(Path helm, Path workDir) {
    return new HelmSettings(helm, workDir, "default", Optional.empty(), Duration.ofMinutes(5), Duration.ofMinutes(1),
        Optional.empty(), List.of());
  }

  public HelmSettings withNamespace(String value) {
    return new HelmSettings(helm, workDir, value, kubeconfig, waitTimeout, queryTimeout, registry, extraDeployArgs);
  }

  public HelmSettings withKubeconfig(Path value) {
    return new HelmSettings(helm, workDir, namespace, Optional.of(value), waitTimeout, queryTimeout, registry,
        extraDeployArgs);
  }

  public HelmSettings withTimeouts(Duration wait, Duration query) {
    return new HelmSettings(helm, workDir, namespace, kubeconfig, wait, query, registry, extraDeployArgs);
  }

  public HelmSettings withRegistry(RegistryCredentials value) {
    return new HelmSettings(helm, workDir, namespace, kubeconfig, waitTimeout, queryTimeout, Optional.of(value),
        extraDeployArgs);
  }

  public HelmSettings withExtraDeployArgs(List<String> value) {
    return new HelmSettings(helm, workDir, namespace, kubeconfig, waitTimeout, queryTimeout, registry, value);
  }

  /** How long past helm's own {@code --timeout} the operator waits before it stops helm. */
  public Duration grace() {
    return Duration.ofSeconds(30);
  }

  /** helm's homes for this spoke, so nothing is shared with a person's helm or another spoke on the host. */
  Path helmHome() {
    return workDir.resolve("helm");
  }

  /** A user name and password for the chart repository or OCI registry; the password is never logged. */
  public record RegistryCredentials(String username, String password) {
    public RegistryCredentials {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "RegistryCredentials[username=" + username + ", password=***]";
    }
  }
}
