package io.apollo.cli.repo;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every command that changes desired state shares: where, and whether to commit or propose. */
public final class ChangeOptions {
  @Mixin public RepoOption repo;

  @Option(names = "--pull-request",
      description = "Commit on a new branch apollo/... and push it for review, instead of committing on the branch.")
  boolean pullRequest;

  /** Opens the repository, makes the change as asked, and returns what it became. */
  public Outcome apply(ConfigRepo config, Change change) {
    ChangeCommitter committer = new ChangeCommitter(config);
    return pullRequest ? committer.propose(change) : committer.commit(change);
  }
}
