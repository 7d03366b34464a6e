package io.apollo.reconciler.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of a hub's API, as a spoke or a person's script would use it. */
public final class HubClient {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final java.util.Set<String> TERMINAL = java.util.Set.of("SUCCEEDED", "FAILED", "CANCELLED",
      "SUPERSEDED");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public HubClient(String base) {
    this.base = base;
  }

  /** A status and its JSON body. */
  public record Answer(int status, JsonNode body) {}

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(70)).build());
  }

  /** The status of a GET of {@code path} as given (escapes kept), whatever its body. */
  public int status(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    }
  }

  /** A GET whose body is text, such as {@code /metrics}. */
  public String text(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    }
  }

  public Answer getAs(String path, String token) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
        .GET().timeout(Duration.ofSeconds(70)).build());
  }

  /** {@code POST /v1/spokes/{spoke}/reports}; a null token sends none. */
  public Answer report(String spoke, String token, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/spokes/" + spoke + "/reports"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  public Answer report(String spoke, String token, String json) {
    return report(spoke, token, "application/json", json);
  }

  /** {@code POST /v1/hooks/git} as a git server sends it; a null signature sends none. */
  public Answer hook(String signature, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/hooks/git"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return send(request.build());
  }

  /** {@code POST /v1/hooks/git} with one proof header ({@code X-Gitlab-Token: ...}); a null header sends none. */
  public Answer hook(String header, String value, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/hooks/git"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (header != null) {
      request.header(header, value);
    }
    return send(request.build());
  }

  /** The plan {@code id}'s JSON. */
  public JsonNode plan(String id) {
    return get("/v1/plans/" + id).body();
  }

  /** The one plan that is not finished for {@code entity}, once there is one. */
  public JsonNode awaitOpenPlan(String entity, Predicate<JsonNode> also) {
    return eventually("an open plan for " + entity, () -> {
      for (JsonNode p : get("/v1/plans?entity=" + entity).body().path("plans").values()) {
        String state = p.path("state").asString();
        if (!TERMINAL.contains(state) && also.test(p)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    });
  }

  /** Polls {@code GET /v1/plans/{id}} until its state is {@code state}. */
  public JsonNode awaitState(String id, String state) {
    return eventually("plan " + id + " in state " + state, () -> Optional.of(plan(id))
        .filter(p -> p.path("state").asString().equals(state)));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(response.statusCode(), body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
    } catch (Exception e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    }
  }

  /** Polls {@code probe} every 100 ms until it gives a value, failing with {@code what} after 30 seconds. */
  public static <T> T eventually(String what, Supplier<Optional<T>> probe) {
    return eventually(what, Duration.ofSeconds(30), probe);
  }

  public static <T> T eventually(String what, Duration limit, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up after " + limit + " waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

}
