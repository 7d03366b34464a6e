package io.apollo.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;

/** Asserts that two loads are equal in every part, naming the part that differs. */
final class LoadComparison {
  private LoadComparison() {}

  static void assertSameLoad(LoadResult actual, LoadResult expected, String what) {
    assertThat(actual.problems()).as(what + ": problems").containsExactlyElementsOf(expected.problems());
    assertThat(actual.unreadableFiles()).as(what + ": unreadable files")
        .containsExactlyElementsOf(expected.unreadableFiles());
    DesiredState a = actual.state();
    DesiredState e = expected.state();
    assertThat(a.products()).as(what + ": products").containsExactlyEntriesOf(e.products());
    assertThat(a.releases()).as(what + ": releases").containsExactlyEntriesOf(e.releases());
    assertThat(a.environments()).as(what + ": environments").containsExactlyEntriesOf(e.environments());
    assertThat(a.entities()).as(what + ": entities").containsExactlyEntriesOf(e.entities());
    assertThat(a.constraints()).as(what + ": constraints").containsExactlyElementsOf(e.constraints());
    assertThat(a.approvalPolicies()).as(what + ": approval policies")
        .containsExactlyElementsOf(e.approvalPolicies());
    assertThat(a.roles()).as(what + ": roles").containsExactlyEntriesOf(e.roles());
    assertThat(a.plans()).as(what + ": plans").containsExactlyElementsOf(e.plans());
    assertThat(a.invalidEntities()).as(what + ": invalid entities")
        .containsExactlyInAnyOrderElementsOf(e.invalidEntities());
    assertThat(a.notifications()).as(what + ": notifications").containsExactlyElementsOf(e.notifications());
    assertThat(a.holds()).as(what + ": holds").containsExactlyElementsOf(e.holds());
    assertThat(actual).as(what + ": the whole result").isEqualTo(expected);
  }
}
