package io.apollo.spoke.operator.helm;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import java.util.Map;
import java.util.Optional;

/** Helm plans for the tests, as the hub would send them. */
final class Plans {
  static final EntityId ENTITY = EntityId.parse("staging/hello");
  static final String DIGEST = "sha256:" + "c".repeat(64);

  private Plans() {}

  static PlanMessage plan(PlanType type, String from, String to, Map<String, Object> config, String chartUri,
      String chartVersion) {
    return new PlanMessage("pl-" + type.wireName() + "-" + (to == null ? "none" : to), ENTITY,
        ProductId.parse("com.example:hello"), "staging-spoke", ProductType.HELM_CHART, type,
        Optional.ofNullable(from).map(Version::parse), Optional.ofNullable(to).map(Version::parse), DIGEST, config,
        chartUri == null ? Optional.empty()
            : Optional.of(new PlanMessage.WireArtifact(chartUri, Optional.empty(), Optional.ofNullable(chartVersion))));
  }

  static PlanMessage install(String to, Map<String, Object> config) {
    return plan(PlanType.INSTALL, null, to, config, "oci://registry.example/charts/hello", to);
  }
}
