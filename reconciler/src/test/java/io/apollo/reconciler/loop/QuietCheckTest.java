package io.apollo.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.report.ReportedState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a pass may keep the last full pass's plans (issue 7: a fetch that finds nothing new plans nothing). */
class QuietCheckTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final HubSnapshot FULL = new HubSnapshot(7, AT, Optional.of("c1"), Optional.of(AT),
      Optional.empty(), List.of(), DesiredState.empty(), ReportedState.empty(), Map.of(), Optional.empty(),
      List.of(), Map.of(), Set.of());
  private static final Set<String> BRANCHES = Set.of("apollo/plan/pl-1");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("poll interval on the same commit", "poll interval", "c1", Optional.empty(), BRANCHES, true),
        Arguments.of("webhook on the same commit", "git webhook", "c1", Optional.empty(), BRANCHES, true),
        Arguments.of("both coalesced", "poll interval, git webhook", "c1", Optional.empty(), BRANCHES, true),
        Arguments.of("a new commit", "git webhook", "c2", Optional.empty(), BRANCHES, false),
        Arguments.of("a plan branch deleted", "poll interval", "c1", Optional.empty(), Set.of(), false),
        Arguments.of("a plan branch added", "poll interval", "c1", Optional.empty(),
            Set.of("apollo/plan/pl-1", "apollo/plan/pl-2"), false),
        Arguments.of("the fetch failed", "poll interval", "c1", Optional.of("unreachable"), BRANCHES, false),
        Arguments.of("a report", "report of spoke s1", "c1", Optional.empty(), BRANCHES, false),
        Arguments.of("a report coalesced with a tick", "poll interval, report of spoke s1", "c1", Optional.empty(),
            BRANCHES, false),
        Arguments.of("a window turns", "a window or freeze may turn at " + AT, "c1", Optional.empty(), BRANCHES,
            false),
        Arguments.of("a new term", "start", "c1", Optional.empty(), BRANCHES, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsTheLastPlansOnlyWhenNothingIsNew(String name, String why, String head, Optional<String> fetchError,
      Set<String> branchesNow, boolean kept) {
    QuietCheck check = new QuietCheck(FULL, BRANCHES);
    Instant now = AT.plusSeconds(30);
    Optional<HubSnapshot> snapshot = check.keep(8, now, why, Optional.of(head), fetchError, Optional.of(now),
        branchesNow, () -> Set.of("pl-0"));
    assertThat(snapshot.isPresent()).isEqualTo(kept);
    snapshot.ifPresent(s -> {
      assertThat(s.pass()).isEqualTo(8);
      assertThat(s.at()).isEqualTo(now);
      assertThat(s.lastFetch()).contains(now);
      assertThat(s.acknowledged()).containsExactly("pl-0");
      assertThat(s.result()).isEqualTo(FULL.result());
    });
  }
}
