package io.apollo.spoke.operator.helm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link CommandRunner} that stands in for helm in unit tests: it records every invocation (and the values file's
 * content while it still exists) and answers each helm subcommand as told; unscripted ones succeed silently.
 */
final class FakeHelm implements CommandRunner {
  private final List<Invocation> invocations = new ArrayList<>();
  private final List<String> valuesSeen = new ArrayList<>();
  private final Map<String, Function<Invocation, Result>> answers = new HashMap<>();

  FakeHelm answer(String subcommand, Result result) {
    answers.put(subcommand, i -> result);
    return this;
  }

  @Override
  public Result run(Invocation invocation) {
    invocations.add(invocation);
    int values = invocation.command().indexOf("--values");
    if (values >= 0) {
      try {
        valuesSeen.add(Files.readString(Path.of(invocation.command().get(values + 1))));
      } catch (java.io.IOException e) {
        valuesSeen.add("<unreadable: " + e + ">");
      }
    }
    return answers.getOrDefault(subcommand(invocation), i -> Result.exited(0, "", "")).apply(invocation);
  }

  List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  /** The helm subcommands run, in order ({@code template}, {@code install}, ...). */
  List<String> subcommands() {
    return invocations.stream().map(FakeHelm::subcommand).toList();
  }

  /** The arguments after the binary of the n-th invocation. */
  List<String> args(int n) {
    List<String> command = invocations.get(n).command();
    return command.subList(1, command.size());
  }

  List<String> valuesSeen() {
    return List.copyOf(valuesSeen);
  }

  private static String subcommand(Invocation invocation) {
    return invocation.command().get(1);
  }
}
