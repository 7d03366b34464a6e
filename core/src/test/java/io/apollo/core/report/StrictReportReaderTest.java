package io.apollo.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.ApolloException;
import io.apollo.core.load.schema.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The strict streaming path of reading a report answers only when it gives what the full path gives (tree,
 * defaults, {@code spoke-report.schema.json}, field parsing), and leaves everything else to the full path, whose
 * errors are the hub's 400s: one named case per keyword of the schema (required, type, enum, pattern,
 * additionalProperties, minLength, format), each also checked against the schema validator itself.
 */
class StrictReportReaderTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  /** What the strict path does with a case: reads it (and the full path reads the same), or leaves it. */
  enum Strict {
    /** Read in one pass, equal to the full path's report. */
    READS,
    /** Left to the full path. */
    LEAVES
  }

  /** What the schema validator says of the case's JSON as sent (before defaults). */
  enum Schema {
    /** No violation. */
    VALID,
    /** At least one violation. */
    INVALID,
    /** Not one JSON object: the validator is not asked. */
    NOT_ASKED
  }

  record Case(String name, String json, Strict strict, Schema schema) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        valid("as spokes write it", r -> { }),
        valid("every optional field set", r -> entity(r).put("configDigest", DIGEST).put("lastPlanId", "p-1")
            .put("lastPlanOutcome", "SUCCEEDED").put("lastHealthyVersion", "1.1.0").put("message", "ok")),
        valid("every optional field null", r -> entity(r).putNull("version").putNull("configDigest")
            .putNull("lastPlanId").putNull("lastPlanOutcome").putNull("lastHealthyVersion").putNull("message")),
        valid("no entities", r -> r.putArray("entities")),
        valid("a message with quotes, escapes and non-ASCII", r -> entity(r).put("message",
            "exit \"1\"\n\ttab \\ </script> é 日本 \u0001 \uD83D\uDE00")),
        valid("a release candidate and a snapshot", r -> entity(r).put("version", "1.3.0-rc1")
            .put("lastHealthyVersion", "1.3.0-4-gabc1234")),
        valid("fractions of a second", r -> r.put("reportedAt", "2026-12-05T02:30:00.5Z")),
        valid("nanoseconds", r -> entity(r).put("observedAt", "2026-12-05T02:30:00.123456789Z")),
        valid("29 February of a leap year", r -> entity(r).put("observedAt", "2024-02-29T23:59:59Z")),
        valid("year zero", r -> r.put("reportedAt", "0000-01-01T00:00:00Z")),
        // required
        left("no spoke (the full path fills 'unknown')", r -> r.remove("spoke"), Schema.INVALID),
        left("no reportedAt (the full path fills the epoch)", r -> r.remove("reportedAt"), Schema.INVALID),
        left("no entities", r -> r.remove("entities"), Schema.INVALID),
        left("no entity id", r -> entity(r).remove("entity"), Schema.INVALID),
        left("no product (the full path may infer it)", r -> entity(r).remove("product"), Schema.INVALID),
        left("no state (the full path fills it)", r -> entity(r).remove("state"), Schema.INVALID),
        left("no health (the full path fills it)", r -> entity(r).remove("health"), Schema.INVALID),
        left("no observedAt (the full path fills reportedAt)", r -> entity(r).remove("observedAt"), Schema.INVALID),
        // type
        left("spoke a number", r -> r.put("spoke", 7), Schema.INVALID),
        left("spoke null", r -> r.putNull("spoke"), Schema.INVALID),
        left("reportedAt a number", r -> r.put("reportedAt", 1), Schema.INVALID),
        left("entities an object", r -> r.putObject("entities"), Schema.INVALID),
        left("an entity a string", r -> r.putArray("entities").add("staging/auth"), Schema.INVALID),
        left("entity id a number", r -> entity(r).put("entity", 3), Schema.INVALID),
        left("product null", r -> entity(r).putNull("product"), Schema.INVALID),
        left("version a number", r -> entity(r).put("version", 1.2), Schema.INVALID),
        left("state null", r -> entity(r).putNull("state"), Schema.INVALID),
        left("health a boolean", r -> entity(r).put("health", true), Schema.INVALID),
        left("configDigest a number", r -> entity(r).put("configDigest", 5), Schema.INVALID),
        left("lastPlanId an object", r -> entity(r).putObject("lastPlanId"), Schema.INVALID),
        left("lastPlanOutcome a number", r -> entity(r).put("lastPlanOutcome", 1), Schema.INVALID),
        left("lastHealthyVersion an array", r -> entity(r).putArray("lastHealthyVersion"), Schema.INVALID),
        left("message a number", r -> entity(r).put("message", 5), Schema.INVALID),
        left("observedAt null", r -> entity(r).putNull("observedAt"), Schema.INVALID),
        // enum
        left("state misspelt", r -> entity(r).put("state", "RUNING"), Schema.INVALID),
        left("state in lower case (the full path upper-cases it)", r -> entity(r).put("state", "running"),
            Schema.INVALID),
        left("health unknown to the schema", r -> entity(r).put("health", "SICK"), Schema.INVALID),
        left("health in mixed case", r -> entity(r).put("health", "Healthy"), Schema.INVALID),
        left("lastPlanOutcome unknown to the schema", r -> entity(r).put("lastPlanOutcome", "DONE"), Schema.INVALID),
        // pattern
        left("entity id of three parts", r -> entity(r).put("entity", "a/b/c"), Schema.INVALID),
        left("entity id with a space", r -> entity(r).put("entity", "a b/c"), Schema.INVALID),
        left("entity id with no environment", r -> entity(r).put("entity", "/auth"), Schema.INVALID),
        left("entity id with no slash", r -> entity(r).put("entity", "auth"), Schema.INVALID),
        left("entity id of non-ASCII letters", r -> entity(r).put("entity", "prod/café"), Schema.VALID),
        left("product with no artifact", r -> entity(r).put("product", "com.example"), Schema.INVALID),
        left("product starting with a dash", r -> entity(r).put("product", "-a:b"), Schema.INVALID),
        left("product of three parts", r -> entity(r).put("product", "a:b:c"), Schema.INVALID),
        left("product with an empty artifact", r -> entity(r).put("product", "a:"), Schema.INVALID),
        left("version of two numbers", r -> entity(r).put("version", "1.2"), Schema.INVALID),
        left("version with an empty suffix", r -> entity(r).put("version", "1.2.3-"), Schema.INVALID),
        left("version the schema takes and SLS does not", r -> entity(r).put("version", "1.2.0-beta"),
            Schema.VALID),
        left("version with a leading zero", r -> entity(r).put("version", "01.2.3"), Schema.VALID),
        left("lastHealthyVersion not a version", r -> entity(r).put("lastHealthyVersion", "latest"), Schema.INVALID),
        left("configDigest in upper case", r -> entity(r).put("configDigest", DIGEST.toUpperCase()), Schema.INVALID),
        left("configDigest too short", r -> entity(r).put("configDigest", "sha256:abc"), Schema.INVALID),
        // additionalProperties
        left("a field the report does not have", r -> r.put("extra", 1), Schema.INVALID),
        left("a field an entity does not have", r -> entity(r).put("verison", "1.2.0"), Schema.INVALID),
        left("the reports wrapper of a file", r -> r.putArray("reports"), Schema.INVALID),
        // minLength
        left("an empty spoke", r -> r.put("spoke", ""), Schema.INVALID),
        left("an empty lastPlanId", r -> entity(r).put("lastPlanId", ""), Schema.INVALID),
        // format: date-time
        left("an offset instead of Z", r -> r.put("reportedAt", "2026-12-05T03:30:00+01:00"), Schema.VALID),
        left("lower-case t and z", r -> r.put("reportedAt", "2026-12-05t02:30:00z"), Schema.VALID),
        left("a leap second", r -> entity(r).put("observedAt", "2026-12-31T23:59:60Z"), Schema.INVALID),
        left("30 February", r -> r.put("reportedAt", "2026-02-30T00:00:00Z"), Schema.INVALID),
        left("29 February of a common year", r -> r.put("reportedAt", "2026-02-29T00:00:00Z"), Schema.INVALID),
        left("hour 24", r -> entity(r).put("observedAt", "2026-12-05T24:00:00Z"), Schema.INVALID),
        left("a space for T", r -> r.put("reportedAt", "2026-12-05 02:30:00Z"), Schema.INVALID),
        left("no seconds", r -> r.put("reportedAt", "2026-12-05T02:30Z"), Schema.INVALID),
        left("a dot with no fraction", r -> r.put("reportedAt", "2026-12-05T02:30:00.Z"), Schema.INVALID),
        left("ten fraction digits", r -> r.put("reportedAt", "2026-12-05T02:30:00.1234567891Z"), Schema.VALID),
        left("no zone", r -> r.put("reportedAt", "2026-12-05T02:30:00"), Schema.INVALID),
        left("month 13", r -> r.put("reportedAt", "2026-13-05T02:30:00Z"), Schema.INVALID),
        // JSON itself
        raw("a field twice", base().replaceFirst("\\{", "{\"spoke\":\"spoke-1\","), Schema.VALID),
        raw("a second value after the report", base() + " {}", Schema.NOT_ASKED),
        raw("garbage after the report", base() + " x", Schema.NOT_ASKED),
        raw("not JSON", "{\"spoke\": ", Schema.NOT_ASKED),
        raw("an array of one report", "[" + base() + "]", Schema.NOT_ASKED),
        raw("a string", "\"report\"", Schema.NOT_ASKED),
        raw("null", "null", Schema.NOT_ASKED),
        raw("nothing", "", Schema.NOT_ASKED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsOnlyWhatTheFullPathReadsTheSameAndLeavesTheRestToIt(Case c) {
    byte[] bytes = c.json().getBytes(StandardCharsets.UTF_8);
    Optional<SpokeReport> strict = StrictReportReader.read(bytes);
    Object full = fully(bytes);

    assertThat(strict.isPresent()).as("strict path reads it").isEqualTo(c.strict() == Strict.READS);
    strict.ifPresent(r -> assertThat(full).as("the full path's report").isEqualTo(r));
    assertThat(outcome(() -> SpokeReportJson.readOne("report", bytes, id -> Optional.empty())))
        .as("readOne answers as the full path does, report or error words").isEqualTo(full);
    if (c.schema() != Schema.NOT_ASKED) {
      List<String> violations = SchemaValidator.bundled().validateWire("spoke-report.schema.json", JSON.readTree(bytes));
      assertThat(violations.isEmpty()).as("the schema validator's verdict " + violations)
          .isEqualTo(c.schema() == Schema.VALID);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storedTextIsTheTreeWritersText(Case c) {
    Object full = fully(c.json().getBytes(StandardCharsets.UTF_8));
    if (full instanceof SpokeReport report) {
      assertThat(SpokeReportJson.text(report)).isEqualTo(SpokeReportJson.write(report).toString());
      ObjectNode timeless = SpokeReportJson.write(report);
      timeless.remove("reportedAt");
      timeless.path("entities").values().forEach(e -> ((ObjectNode) e).remove("observedAt"));
      assertThat(SpokeReportJson.timelessText(report)).isEqualTo(timeless.toString());
    }
  }

  /** Random reports drawn from valid and invalid values of every field: whenever the strict path reads, it agrees. */
  @Test
  void agreesWithTheFullPathOnRandomReports() {
    Random random = new Random(18);
    String[][] values = {
        {"\"staging/auth\"", "\"a/b/c\"", "\"x/\"", "7", "null", "\"é/x\""},
        {"\"com.example:auth\"", "\"com.example\"", "\"a:b:c\"", "null", "\"_a:b\""},
        {"\"1.2.0\"", "\"1.2\"", "\"1.2.0-rc1\"", "\"1.2.0-beta\"", "\"01.2.0\"", "null", "3"},
        {"\"RUNNING\"", "\"running\"", "\"BOOTING\"", "null"},
        {"\"HEALTHY\"", "\"UNKNOWN\"", "\"healthy\"", "0"},
        {"\"" + DIGEST + "\"", "\"sha256:0\"", "null"},
        {"\"2026-12-05T02:30:00Z\"", "\"2026-12-05T02:30:00.120Z\"", "\"2026-12-05T02:30:00+00:00\"",
            "\"2026-02-30T02:30:00Z\"", "\"2026-12-05T02:30:60Z\"", "\"yesterday\"", "null"}};
    String[] names = {"entity", "product", "version", "state", "health", "configDigest", "observedAt"};
    int read = 0;
    for (int n = 0; n < 3_000; n++) {
      StringBuilder json = new StringBuilder("{\"spoke\":\"s\",\"reportedAt\":\"2026-12-05T02:30:00Z\",\"entities\":[");
      for (int e = 0; e < 1 + random.nextInt(3); e++) {
        json.append(e == 0 ? "{" : ",{");
        boolean first = true;
        for (int f = 0; f < names.length; f++) {
          if (random.nextInt(40) == 0) {
            continue;
          }
          // Mostly the first (valid) value, so that some reports are valid throughout.
          String value = random.nextInt(12) > 0 ? values[f][0] : values[f][random.nextInt(values[f].length)];
          json.append(first ? "" : ",").append('"').append(names[f]).append("\":").append(value);
          first = false;
        }
        json.append('}');
      }
      byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
      Optional<SpokeReport> strict = StrictReportReader.read(bytes);
      if (strict.isPresent()) {
        read++;
        assertThat(fully(bytes)).as(json.toString()).isEqualTo(strict.get());
      }
    }
    assertThat(read).as("reports the strict path read").isGreaterThan(300);
  }

  /** The full path's report, or its error's words. */
  private static Object fully(byte[] bytes) {
    return outcome(() -> SpokeReportJson.readOneFully("report", bytes, id -> Optional.empty()));
  }

  private static Object outcome(java.util.function.Supplier<SpokeReport> read) {
    try {
      return read.get();
    } catch (ApolloException e) {
      return "error: " + e.getMessage();
    }
  }

  private static String base() {
    return "{\"spoke\":\"spoke-1\",\"reportedAt\":\"2026-12-05T02:30:00Z\",\"entities\":[{\"entity\":\"staging/auth\","
        + "\"product\":\"com.example:auth-service\",\"version\":\"1.2.0\",\"state\":\"RUNNING\",\"health\":\"HEALTHY\","
        + "\"configDigest\":null,\"observedAt\":\"2026-12-05T02:29:50Z\"},{\"entity\":\"staging/search\","
        + "\"product\":\"com.example:search\",\"state\":\"UNMANAGED\",\"health\":\"UNKNOWN\","
        + "\"observedAt\":\"2026-12-05T02:29:51.250Z\"}]}";
  }

  private static ObjectNode entity(ObjectNode report) {
    return (ObjectNode) report.path("entities").get(0);
  }

  private static Case valid(String name, Consumer<ObjectNode> change) {
    return new Case(name, changed(change), Strict.READS, Schema.VALID);
  }

  private static Case left(String name, Consumer<ObjectNode> change, Schema schema) {
    return new Case(name, changed(change), Strict.LEAVES, schema);
  }

  private static Case raw(String name, String json, Schema schema) {
    return new Case(name, json, Strict.LEAVES, schema);
  }

  private static String changed(Consumer<ObjectNode> change) {
    ObjectNode report = (ObjectNode) JSON.readTree(base());
    change.accept(report);
    return report.toString();
  }
}
