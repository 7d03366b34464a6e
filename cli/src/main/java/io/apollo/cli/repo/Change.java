package io.apollo.cli.repo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * One change to the config repository, made as one commit: the files it writes (repository path to full new text;
 * {@code null} deletes the file),
 * or a branch it merges; the commit message; the author when it is not the person's own git identity (an approval
 * is authored by the approver); {@code proposal}, the name a {@code --pull-request} branch is built from; and
 * {@code signed}, whether the commit is signed with the person's git signing config ({@code user.signingkey},
 * {@code gpg.format}), as an approval must be where signatures are required.
 */
public record Change(
    String message, SequencedMap<String, String> files, Optional<String> merge, Optional<Person> author,
    String proposal, boolean signed) {

  public Change {
    Objects.requireNonNull(message, "message");
    files = new LinkedHashMap<>(files);
    Objects.requireNonNull(merge, "merge");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(proposal, "proposal");
    if (files.isEmpty() == merge.isEmpty()) {
      throw new IllegalArgumentException("a change either writes files or merges a branch");
    }
  }

  /** A commit that writes {@code files}. */
  public static Change write(String message, Map<String, String> files, String proposal) {
    return new Change(message, new LinkedHashMap<>(files), Optional.empty(), Optional.empty(), proposal, false);
  }

  /** A commit that deletes the files at {@code paths}. */
  public static Change delete(String message, java.util.List<String> paths, String proposal) {
    LinkedHashMap<String, String> files = new LinkedHashMap<>();
    paths.forEach(p -> files.put(p, null));
    return new Change(message, files, Optional.empty(), Optional.empty(), proposal, false);
  }

  /** A merge commit ({@code --no-ff}) of {@code commit} into the branch. */
  public static Change merge(String message, String commit, Person author, String proposal) {
    return new Change(message, new LinkedHashMap<>(), Optional.of(commit), Optional.of(author), proposal, false);
  }

  public Change authoredBy(Person person) {
    return new Change(message, files, merge, Optional.of(person), proposal, signed);
  }

  /** This change, signed (or not) with the person's git signing config. */
  public Change signed(boolean sign) {
    return new Change(message, files, merge, author, proposal, sign);
  }

  /** A commit author: a name and an email, as git records them. */
  public record Person(String name, String email) {
    public Person {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }

    Map<String, String> asAuthorEnvironment() {
      return Map.of("GIT_AUTHOR_NAME", name, "GIT_AUTHOR_EMAIL", email);
    }
  }
}
