package io.apollo.cli.repo;

import java.util.Optional;

/**
 * What a change became: the commit, the branch it is on, where it was pushed ({@code remote/branch}, empty when the
 * repository has no remote), and whether it is a proposal waiting to be merged.
 */
public record Outcome(String commit, String branch, Optional<String> pushedTo, boolean proposal) {
  /** The outcome as JSON fields, added to {@code into}. */
  public tools.jackson.databind.node.ObjectNode addTo(tools.jackson.databind.node.ObjectNode into) {
    into.put("commit", commit);
    into.put("branch", branch);
    pushedTo.ifPresentOrElse(p -> into.put("pushedTo", p), () -> into.putNull("pushedTo"));
    into.put("proposal", proposal);
    return into;
  }

  public String shortCommit() {
    return commit.substring(0, Math.min(7, commit.length()));
  }

  /** The lines a person reads after the change: where it went and, for a proposal, how to merge it. */
  public String describe(String message) {
    StringBuilder out = new StringBuilder();
    String subject = message.lines().findFirst().orElse(message);
    if (proposal) {
      out.append("Proposed ").append(shortCommit()).append(" on branch ").append(branch).append(": ")
          .append(subject).append('\n');
      String ref = pushedTo.map(p -> p).orElse(branch);
      out.append(pushedTo.isPresent() ? "Pushed to " + ref + ". " : "")
          .append("Open a pull request from ").append(branch).append(", or merge it: git fetch && git merge --no-ff ")
          .append(ref).append(" && git push\n");
    } else {
      out.append("Committed ").append(shortCommit()).append(" on ").append(branch).append(": ").append(subject)
          .append('\n');
      out.append(pushedTo.map(p -> "Pushed to " + p + ".").orElse("Not pushed: the repository has no remote."))
          .append('\n');
    }
    return out.toString();
  }
}
