package io.apollo.reconciler.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Database URLs in messages and logs never show a password. */
class DatabasesTest {
  @Test
  void passwordsInParametersAndUserInfoAreHidden() {
    assertThat(Databases.redact("jdbc:postgresql://db:5432/apollo?user=hub&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/apollo?user=hub&password=***&ssl=true");
    assertThat(Databases.redact("jdbc:postgresql://hub:s3cret@db:5432/apollo"))
        .isEqualTo("jdbc:postgresql://hub:***@db:5432/apollo");
    assertThat(Databases.redact("jdbc:postgresql://db/apollo?user=hub"))
        .isEqualTo("jdbc:postgresql://db/apollo?user=hub");
    assertThat(Databases.isPostgres("jdbc:postgresql://db/apollo")).isTrue();
    assertThat(Databases.isPostgres("jdbc:sqlite:/tmp/hub.db")).isFalse();
  }
}
