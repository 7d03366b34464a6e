package io.apollo.spoke.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final HelmSettings SETTINGS = HelmSettings.of(Path.of("helm"), Path.of("/work"))
      .withRegistry(new HelmSettings.RegistryCredentials("robot", "reg-pass"));

  @Test
  void secretsAtAnyDepthAndTheRegistryPasswordAreMasked() {
    Redactor redactor = Redactor.of(SETTINGS, Map.of(
        "db", Map.of("url", "jdbc:x", "Password", "pw-1"),
        "apiToken", "tok-2",
        "secrets", Map.of("list", List.of("s-3", "s-4")),
        "greeting", "hello"));

    assertThat(redactor.redact("pw-1 tok-2 s-3 s-4 reg-pass jdbc:x hello"))
        .isEqualTo("*** *** *** *** *** jdbc:x hello");
  }

  @Test
  void commandLinesAreMaskedArgumentByArgument() {
    Redactor redactor = Redactor.of(SETTINGS, Map.of());

    assertThat(redactor.redact(List.of("install", "--username", "robot", "--password", "reg-pass")))
        .containsExactly("install", "--username", "robot", "--password", "***");
  }

  @Test
  void aSecretThatContainsAnotherIsMaskedWhole() {
    Redactor redactor = Redactor.of(SETTINGS, Map.of("token", "abc", "secret", "abcdef"));

    assertThat(redactor.redact("abcdef")).isEqualTo("***");
  }
}
