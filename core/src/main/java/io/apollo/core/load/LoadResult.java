package io.apollo.core.load;

import io.apollo.core.config.DesiredState;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of loading a config repository: the desired state made of every document that loaded cleanly, and
 * every problem found, in reading order. {@code unreadableFiles} names the files that could not be read or parsed in
 * full: what they define is unknown, and nothing they might have defined is ever uninstalled for it.
 */
public record LoadResult(DesiredState state, List<Problem> problems, List<String> unreadableFiles) {
  public LoadResult {
    Objects.requireNonNull(state, "state");
    problems = problems.stream().sorted(Problem.BY_POSITION).toList();
    unreadableFiles = List.copyOf(unreadableFiles);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
