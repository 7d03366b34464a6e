package io.apollo.spoke.intake;

import static io.apollo.spoke.testing.InProcessSpoke.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.core.wire.PlanMessageJson;
import io.apollo.spoke.options.Mode;
import io.apollo.spoke.testing.Http;
import io.apollo.spoke.testing.InProcessSpoke;
import io.apollo.spoke.testing.Plans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Every refusal of {@code POST /v1/plans}: its status, its error code, and that nothing was taken or run. */
class BadRequestIT {
  private static Path dir;
  private static InProcessSpoke spoke;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("bad-request-it");
    spoke = InProcessSpoke.start(dir, Mode.PUSH);
  }

  @AfterAll
  static void stop() throws Exception {
    spoke.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static ObjectNode valid() {
    return PlanMessageJson.write(Plans.plan("bad-1", InProcessSpoke.NAME, "prod/bad", PlanType.INSTALL, null,
        "1.0.0", Map.of()));
  }

  static Stream<Arguments> cases() {
    byte[] big = ("{\"id\":\"big\",\"config\":{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("no token", null, "application/json", bytes(valid()), 401, "no_token"),
        Arguments.of("a wrong token", "not-the-token", "application/json", bytes(valid()), 401, "bad_token"),
        Arguments.of("a token that only starts right", TOKEN + "x", "application/json", bytes(valid()), 401,
            "bad_token"),
        Arguments.of("not JSON by content type", TOKEN, "text/plain", bytes(valid()), 415, "unsupported_media_type"),
        Arguments.of("no content type", TOKEN, null, bytes(valid()), 415, "unsupported_media_type"),
        Arguments.of("a malformed body", TOKEN, "application/json", "{\"id\": ".getBytes(StandardCharsets.UTF_8),
            400, "bad_plan"),
        Arguments.of("an unknown plan type", TOKEN, "application/json", bytes(valid().put("type", "explode")), 400,
            "bad_plan"),
        Arguments.of("a plan without an entity", TOKEN, "application/json", bytes(remove(valid(), "entity")), 400,
            "bad_plan"),
        Arguments.of("a product type this spoke has no operator for", TOKEN, "application/json",
            bytes(valid().put("productType", "helm-chart")), 400, "no_operator"),
        Arguments.of("another spoke's plan", TOKEN, "application/json", bytes(valid().put("spoke", "spoke-b")), 403,
            "other_spoke"),
        Arguments.of("a body over the limit", TOKEN, "application/json", big, 413, "too_large"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAndNothingRuns(String name, String token, String contentType, byte[] body, int status, String code) {
    Http.Answer answer = Http.post(spoke.plansUrl(), token, contentType, body);

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.body()).contains("\"error\":\"" + code + "\"").contains("\"message\":\"");
    assertThat(Http.get(spoke.plansUrl() + "/bad-1", TOKEN).status()).as("nothing taken").isEqualTo(404);
    assertThat(spoke.operator.runs()).isEmpty();
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode remove(ObjectNode node, String field) {
    node.remove(field);
    return node;
  }
}
