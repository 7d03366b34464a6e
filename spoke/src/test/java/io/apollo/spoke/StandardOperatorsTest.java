package io.apollo.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.ProductType;
import io.apollo.spoke.options.SpokeOptions;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardOperatorsTest {
  @Test
  void aSpokeFromTheCommandLineRunsBothProductTypes(@TempDir Path dir) {
    SpokeOptions options = SpokeOptions.of("edge-1", URI.create("http://hub:8080"), dir.resolve("token"), dir);

    assertThat(StandardOperators.of(options).types())
        .containsExactlyInAnyOrder(ProductType.SLS_SERVICE, ProductType.HELM_CHART);
  }
}
