package io.apollo.spoke.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "staging/catalog, staging-catalog",
      "prod1/api-gateway, prod1-api-gateway",
      "prod-eu/api, prod-eu-api-6b2d9c",
      "Staging/Catalog_Service, staging-catalog-service-1e0f51",
  })
  void namesAreReadableWhenTheyCanBe(String entity, String expected) {
    String name = ReleaseName.of(EntityId.parse(entity)).value();
    if (expected.matches(".*-[0-9a-f]{6}")) {
      assertThat(name).startsWith(expected.substring(0, expected.length() - 6)).matches(".*-[0-9a-f]{6}");
    } else {
      assertThat(name).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} and {1} differ")
  @CsvSource({
      "staging-a/b, staging/a-b",
      "Staging/x, staging/x",
      "prod/" + "a123456789a123456789a123456789a123456789a123456789-one, "
          + "prod/a123456789a123456789a123456789a123456789a123456789-two",
  })
  void distinctEntitiesGetDistinctReleases(String one, String two) {
    assertThat(ReleaseName.of(EntityId.parse(one))).isNotEqualTo(ReleaseName.of(EntityId.parse(two)));
  }

  @ParameterizedTest
  @CsvSource({"staging/catalog", "prod-eu/api", "x/" + "Very_Long_Name_That_Goes_On_And_On_Past_Any_Limit_Helm_Has"})
  void everyNameIsAValidReleaseName(String entity) {
    String name = ReleaseName.of(EntityId.parse(entity)).value();
    assertThat(name.length()).isLessThanOrEqualTo(53);
    assertThat(ReleaseName.isDnsLabel(name)).as(name).isTrue();
    assertThat(ReleaseName.of(EntityId.parse(entity)).value()).as("stable").isEqualTo(name);
  }
}
