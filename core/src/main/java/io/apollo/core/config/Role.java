package io.apollo.core.config;

import java.util.List;
import java.util.Objects;

/** A role ({@code kind: Role}), such as {@code sre}: the people who may approve for it. */
public record Role(Metadata metadata, List<Member> members, Origin origin) {
  public Role {
    Objects.requireNonNull(metadata, "metadata");
    members = List.copyOf(members);
    Objects.requireNonNull(origin, "origin");
  }

  public String name() {
    return metadata.name();
  }

  public boolean hasMember(String email) {
    return members.stream().anyMatch(m -> m.email().equalsIgnoreCase(email));
  }
}
