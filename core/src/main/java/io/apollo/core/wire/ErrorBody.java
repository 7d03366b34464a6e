package io.apollo.core.wire;

import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of every error an Apollo HTTP endpoint answers (DESIGN.md section 5): {@code {"error": "<code>",
 * "message": "<words>"}}. {@code error} is a stable machine code in snake case ({@code bad_token},
 * {@code not_found}); {@code message} says what was wrong and what to do.
 */
public record ErrorBody(String error, String message) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ErrorBody {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
  }

  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", error);
    node.put("message", message);
    return node.toString();
  }
}
