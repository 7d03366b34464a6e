package io.apollo.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.version.Version;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanMessageJsonTest {
  private static final PlanMessage UPGRADE = new PlanMessage("pl-0123456789abcdef",
      EntityId.parse("staging/catalog"), ProductId.parse("com.example:catalog-service"), "staging-spoke",
      ProductType.SLS_SERVICE, PlanType.UPGRADE, Optional.of(Version.parse("1.0.0")),
      Optional.of(Version.parse("1.1.0")), "sha256:" + "a".repeat(64), Map.of("port", 8080),
      Optional.of(new PlanMessage.WireArtifact("file:/dists/catalog-service-1.1.0.tgz",
          Optional.of("b".repeat(64)), Optional.empty())));

  @Test
  void writtenPlanReadsBackEqual() {
    byte[] json = PlanMessageJson.write(UPGRADE).toString().getBytes(StandardCharsets.UTF_8);
    assertThat(PlanMessageJson.read("push", json)).isEqualTo(UPGRADE);
  }

  @Test
  void fieldsTheSpokeDoesNotNeedAreIgnored() {
    var node = PlanMessageJson.write(UPGRADE);
    node.put("state", "APPROVED");
    node.putArray("history").addObject().put("state", "PENDING");
    assertThat(PlanMessageJson.read("push", node)).isEqualTo(UPGRADE);
  }

  @Test
  void unknownPlanTypeNamesTheField() {
    var node = PlanMessageJson.write(UPGRADE);
    node.put("type", "reboot");
    assertThatThrownBy(() -> PlanMessageJson.read("push", node))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("push: not a plan")
        .hasMessageContaining("/type");
  }

  @Test
  void malformedJsonIsRefusedWithTheSource() {
    assertThatThrownBy(() -> PlanMessageJson.read("POST /v1/plans", "{\"id\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ApolloException.class)
        .hasMessageStartingWith("POST /v1/plans: not JSON");
  }

  @Test
  void uninstallCarriesNoTarget() {
    var node = PlanMessageJson.write(UPGRADE);
    node.put("type", "uninstall");
    assertThatThrownBy(() -> PlanMessageJson.read("push", node))
        .hasMessageContaining("only an uninstall has no target version");
    node.putNull("toVersion");
    node.putNull("artifact");
    assertThat(PlanMessageJson.read("push", node).toVersion()).isEmpty();
  }
}
