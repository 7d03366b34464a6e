package io.apollo.spoke.testing;

import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessageJson;
import java.util.Map;
import java.util.Optional;

/** Plans for tests, as the hub would send them. */
public final class Plans {
  private Plans() {}

  public static PlanMessage plan(String id, String spoke, String entity, PlanType type, String from, String to,
      Map<String, Object> config) {
    return new PlanMessage(id, EntityId.parse(entity), ProductId.parse("com.example:catalog"), spoke,
        ProductType.SLS_SERVICE, type, Optional.ofNullable(from).map(Version::parse),
        Optional.ofNullable(to).map(Version::parse), type == PlanType.UNINSTALL ? "" : ConfigDigest.of(config),
        config, type == PlanType.UNINSTALL ? Optional.empty()
            : Optional.of(new PlanMessage.WireArtifact("file:/dev/null", Optional.of("0".repeat(64)),
                Optional.empty())));
  }

  /** A plan of the sample service whose artifact is {@code dist} (empty for an uninstall). */
  public static PlanMessage sls(String id, String spoke, String entity, PlanType type, String from, String to,
      Map<String, Object> config, SampleDists.Dist dist) {
    return new PlanMessage(id, EntityId.parse(entity), ProductId.parse("com.example:catalog"), spoke,
        ProductType.SLS_SERVICE, type, Optional.ofNullable(from).map(Version::parse),
        Optional.ofNullable(to).map(Version::parse), type == PlanType.UNINSTALL ? "" : ConfigDigest.of(config),
        config, dist == null ? Optional.empty()
            : Optional.of(new PlanMessage.WireArtifact(dist.uri(), Optional.of(dist.sha256()), Optional.empty())));
  }

  public static String json(PlanMessage plan) {
    return PlanMessageJson.write(plan).toString();
  }
}
