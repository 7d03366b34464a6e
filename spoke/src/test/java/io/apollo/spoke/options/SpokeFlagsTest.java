package io.apollo.spoke.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.spoke.SpokeException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SpokeFlagsTest {
  @Command(name = "spoke")
  static final class Holder {
    @Mixin SpokeFlags flags;
  }

  private static SpokeOptions parse(String... extra) {
    String[] base = {"--name", "edge-1", "--hub", "http://hub:8080/", "--token-file", "/etc/apollo/token",
        "--work-dir", "/var/lib/apollo"};
    String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    Holder holder = new Holder();
    new CommandLine(holder).setOverwrittenOptionsAllowed(true).parseArgs(args);
    return holder.flags.toOptions();
  }

  @Test
  void defaultsAreThoseOfTheDocs() {
    SpokeOptions o = parse();
    assertThat(o.mode()).isEqualTo(Mode.PUSH);
    assertThat(o.port()).isEqualTo(8081);
    assertThat(o.bind()).isEqualTo("127.0.0.1");
    assertThat(o.reportInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.healthInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.pollWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.helm()).isEmpty();
    assertThat(o.hubBase()).isEqualTo("http://hub:8080");
  }

  @Test
  void readsEveryFlag() {
    SpokeOptions o = parse("--mode", "poll", "--port", "0", "--bind", "0.0.0.0", "--report-interval", "2m",
        "--health-interval", "500ms", "--poll-wait", "PT20S", "--helm", "/opt/helm");
    assertThat(o.mode()).isEqualTo(Mode.POLL);
    assertThat(o.port()).isZero();
    assertThat(o.bind()).isEqualTo("0.0.0.0");
    assertThat(o.reportInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.healthInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.pollWait()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.helm()).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("/opt/helm"));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("an unknown mode", new String[] {"--mode", "pull"}, "--mode: 'pull'"),
        Arguments.of("a duration without a unit", new String[] {"--report-interval", "10"}, "--report-interval"),
        Arguments.of("a zero interval", new String[] {"--health-interval", "0s"}, "--health-interval"),
        Arguments.of("a port out of range", new String[] {"--port", "70000"}, "--port: 70000"),
        Arguments.of("a hub that is not http", new String[] {"--hub", "ftp://hub"}, "--hub"),
        Arguments.of("a name with a slash", new String[] {"--name", "a/b"}, "--name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aMistakeNamesTheFlag(String name, String[] args, String expected) {
    assertThatThrownBy(() -> parse(args)).isInstanceOf(SpokeException.class).hasMessageContaining(expected);
  }
}
