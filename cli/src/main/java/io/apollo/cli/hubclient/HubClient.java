package io.apollo.cli.hubclient;

import io.apollo.cli.CliException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's read API (DESIGN.md section 5) as the CLI uses it: {@code GET} a path, JSON back. Errors come back as
 * {@code {"error", "message"}} and are shown with the request that failed and what to check.
 */
public final class HubClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http;

  public HubClient(URI base) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  public URI base() {
    return base;
  }

  /** {@code GET path?query} (blank query values left out); a 404 is empty, any other failure an error. */
  public java.util.Optional<JsonNode> get(String path, Map<String, String> query) {
    String q = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    URI uri = URI.create(base + path + (q.isEmpty() ? "" : "?" + q));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException("cannot reach the hub at " + base + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is it running? Check --hub, APOLLO_HUB or"
          + " hub: in ~/.config/apollo/config.yaml", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while asking the hub " + uri, e);
    }
    if (response.statusCode() == 404) {
      return java.util.Optional.empty();
    }
    JsonNode body = parse(uri, response.body());
    if (response.statusCode() != 200) {
      throw new CliException("the hub answered " + response.statusCode() + " to GET " + uri + ": "
          + body.path("message").asString(body.path("error").asString("no reason given")));
    }
    return java.util.Optional.of(body);
  }

  private static JsonNode parse(URI uri, String body) {
    try {
      return JSON.readTree(body);
    } catch (tools.jackson.core.JacksonException e) {
      throw new CliException("the hub's answer to GET " + uri + " is not JSON; is " + uri.getAuthority()
          + " an Apollo hub?", e);
    }
  }
}
