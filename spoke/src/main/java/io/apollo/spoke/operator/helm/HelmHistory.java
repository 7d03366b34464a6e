package io.apollo.spoke.operator.helm;

import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A release's revisions as {@code helm history --output json} lists them, oldest first, and what Apollo version
 * each ran ({@link RevisionNote}, following helm's {@code Rollback to <n>} descriptions).
 */
record HelmHistory(List<Revision> revisions) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  HelmHistory {
    revisions = revisions.stream().sorted(Comparator.comparingInt(Revision::number)).toList();
  }

  /** One revision: its number, helm's status ({@code deployed}, {@code superseded}, {@code failed}, ...), text. */
  record Revision(int number, String status, String chart, String appVersion, String description) {}

  /** Parses helm's JSON; throws {@link IllegalArgumentException} naming what was wrong. */
  static HelmHistory parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("helm history printed no JSON: " + e.getOriginalMessage());
    }
    if (!root.isArray()) {
      throw new IllegalArgumentException("helm history printed no JSON list");
    }
    List<Revision> revisions = new ArrayList<>();
    for (JsonNode r : root) {
      revisions.add(new Revision(r.path("revision").asInt(), r.path("status").asString(""),
          r.path("chart").asString(""), r.path("app_version").asString(""), r.path("description").asString("")));
    }
    return new HelmHistory(revisions);
  }

  Optional<Revision> revision(int number) {
    return revisions.stream().filter(r -> r.number() == number).findFirst();
  }

  /** The note a revision runs under: its own, or, for a rollback, the one of the revision it went back to. */
  Optional<RevisionNote> noteOf(int number) {
    Set<Integer> seen = new HashSet<>();
    Optional<Revision> current = revision(number);
    while (current.isPresent() && seen.add(current.get().number())) {
      Optional<RevisionNote> note = RevisionNote.parse(current.get().description());
      if (note.isPresent()) {
        return note;
      }
      Optional<Integer> target = RevisionNote.rollbackTarget(current.get().description());
      if (target.isEmpty()) {
        return Optional.empty();
      }
      current = revision(target.get());
    }
    return Optional.empty();
  }

  /**
   * The newest revision that ran {@code version} to the end ({@code deployed} or {@code superseded}, never
   * {@code failed}): what a rollback to that version goes back to.
   */
  Optional<Integer> lastGoodRevisionOf(Version version) {
    return revisions.reversed().stream()
        .filter(r -> r.status().equals("deployed") || r.status().equals("superseded"))
        .filter(r -> noteOf(r.number()).map(n -> n.version().equals(version)).orElse(false))
        .map(Revision::number)
        .findFirst();
  }
}
