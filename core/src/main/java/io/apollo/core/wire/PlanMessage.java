package io.apollo.core.wire;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.version.Version;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a spoke needs to run one plan: the executable part of the plan JSON the hub pushes to
 * {@code POST {spoke}/v1/plans} and hands out from {@code GET /v1/spokes/{spoke}/plans} (DESIGN.md section 5). The
 * hub's JSON carries more (state, roles, approvals, violations, history); a spoke ignores those fields.
 *
 * <p>{@code config} is what the spoke applies (helm values or the service's config file) and {@code configDigest} its
 * {@link io.apollo.core.config.ConfigDigest}, which the spoke reports back once the config is in force;
 * {@code artifact} is the release's artifact (the SLS distribution, or the helm chart); an uninstall has neither a
 * target version nor an artifact.
 */
public record PlanMessage(
    String id,
    EntityId entity,
    ProductId product,
    String spoke,
    ProductType productType,
    PlanType type,
    Optional<Version> fromVersion,
    Optional<Version> toVersion,
    String configDigest,
    Map<String, Object> config,
    Optional<WireArtifact> artifact) {

  public PlanMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(spoke, "spoke");
    Objects.requireNonNull(productType, "productType");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    Objects.requireNonNull(configDigest, "configDigest");
    config = config == null ? Map.of() : Map.copyOf(config);
    Objects.requireNonNull(artifact, "artifact");
    if (toVersion.isPresent() == (type == PlanType.UNINSTALL)) {
      throw new IllegalArgumentException("plan " + id + ": only an uninstall has no target version");
    }
  }

  /**
   * A release's artifact as the spoke fetches it: for an SLS service {@code uri} is the distribution ({@code file:},
   * {@code http:} or {@code https:}) and {@code sha256} its hex checksum; for a helm chart {@code uri} is the chart
   * reference and {@code chartVersion} its version.
   */
  public record WireArtifact(String uri, Optional<String> sha256, Optional<String> chartVersion) {
    public WireArtifact {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(chartVersion, "chartVersion");
    }
  }
}
